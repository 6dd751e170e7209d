/** Exit codes for the glossary error codes of @bollyx/names (see ../exit-codes.ts for the ranges). */
export const namesExitCodes: Readonly<Record<string, number>> = {
  /** A glossary file (--glossary, the workspace's, an edited names/glossary.json) that does not parse; the message names the line. */
  GLOSSARY_FILE_INVALID: 115,
  GLOSSARY_FILE_MISSING: 116,
  /** `bollyx glossary show` on a job whose names stage has not run. */
  GLOSSARY_NOT_FOUND: 117,
};
