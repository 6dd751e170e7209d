/** Exit codes for the models error codes (see ../exit-codes.ts for the ranges). */
export const modelsExitCodes: Readonly<Record<string, number>> = {
  MODEL_UNKNOWN: 35,
  MODEL_NOT_PRESENT: 36,
  MODEL_FETCH_FAILED: 37,
  MODEL_CHECKSUM_MISMATCH: 38,
  /** A model given by path is not a whole whisper.cpp ggml model (shares 38: the file is not a usable model). */
  MODEL_FILE_INVALID: 38,
  MODEL_CONFIG_INVALID: 39,
  HUB_ACCESS_DENIED: 55,
  HUB_NOT_FOUND: 56,
  HUB_RESPONSE_INVALID: 57,
  HUB_SECRETS_INSECURE: 58,
  HUB_SECRETS_INVALID: 59,
};
