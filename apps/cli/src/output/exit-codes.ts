/**
 * Exit codes by error code. Stable: scripts branch on them. Ranges: 2 usage, 10–19 input media,
 * 20–29 configuration, 30–39 tools and environments, 40–49 pipeline, 130 cancelled.
 */
const EXIT_CODES: Readonly<Record<string, number>> = {
  USAGE: 2,
};

export const EXIT_UNEXPECTED = 1;

export function exitCodeFor(code: string): number {
  return EXIT_CODES[code] ?? EXIT_UNEXPECTED;
}
