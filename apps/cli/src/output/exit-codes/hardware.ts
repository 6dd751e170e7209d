/** Exit codes for the hardware error codes (see ../exit-codes.ts for the ranges). */
export const hardwareExitCodes: Readonly<Record<string, number>> = {};
