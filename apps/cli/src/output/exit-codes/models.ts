/** Exit codes for the models error codes (see ../exit-codes.ts for the ranges). */
export const modelsExitCodes: Readonly<Record<string, number>> = {};
