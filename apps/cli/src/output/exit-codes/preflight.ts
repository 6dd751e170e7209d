/** Exit codes for the preflight and bootstrap error codes (see ../exit-codes.ts for the ranges). */
export const preflightExitCodes: Readonly<Record<string, number>> = {};
