/** Exit codes for the environment error codes (see ../exit-codes.ts for the ranges). */
export const environmentExitCodes: Readonly<Record<string, number>> = {
  ENGINE_TOOL_MISSING: 30,
  ENGINE_BUILD_FAILED: 31,
  ENGINE_SOURCE_MISSING: 32,
  ENGINE_BINARY_BROKEN: 33,
  ENGINE_OUTPUT_INVALID: 34,
};
