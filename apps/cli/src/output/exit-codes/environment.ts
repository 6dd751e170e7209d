/** Exit codes for the environment error codes (see ../exit-codes.ts for the ranges). */
export const environmentExitCodes: Readonly<Record<string, number>> = {};
