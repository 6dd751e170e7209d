/** Exit codes for the container image error codes (see ../exit-codes.ts for the ranges). */
export const dockerExitCodes: Readonly<Record<string, number>> = {};
