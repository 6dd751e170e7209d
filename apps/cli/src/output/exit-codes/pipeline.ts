/** Exit codes for the pipeline error codes (see ../exit-codes.ts for the ranges). */
export const pipelineExitCodes: Readonly<Record<string, number>> = {};
