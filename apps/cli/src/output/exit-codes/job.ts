/** Exit codes for the job error codes (see ../exit-codes.ts for the ranges). */
export const jobExitCodes: Readonly<Record<string, number>> = {};
