/** Exit codes for the Python environment error codes (see ../exit-codes.ts for the ranges). */
export const pythonEnvironmentExitCodes: Readonly<Record<string, number>> = {};
