// Python version ranges in PEP 440 specifier syntax (">=3.9,<3.13", "~=3.11", "==3.10.*"), for the
// release part of a version: enough to choose an interpreter, no pre-release ordering.

interface Specifier {
  operator: '==' | '!=' | '<=' | '>=' | '<' | '>' | '~=';
  release: number[];
  /** `==3.10.*` / `!=3.10.*`: a prefix match. */
  wildcard: boolean;
}

const SPECIFIER = /^(~=|==|!=|<=|>=|<|>)\s*(\d+(?:\.\d+)*)(\.\*)?$/;

function parseSpecifier(text: string): Specifier | null {
  const match = SPECIFIER.exec(text.trim());
  if (!match) return null;
  const operator = match[1] as Specifier['operator'];
  const wildcard = match[3] !== undefined;
  const release = match[2]!.split('.').map(Number);
  if (wildcard && operator !== '==' && operator !== '!=') return null;
  if (operator === '~=' && release.length < 2) return null;
  return { operator, release, wildcard };
}

/** The problem with `range` as a version range, or null when it parses. */
export function pythonRangeProblem(range: string): string | null {
  const parts = range.split(',');
  if (range.trim() === '') return 'is empty';
  const bad = parts.find((part) => parseSpecifier(part) === null);
  return bad === undefined ? null : `"${bad.trim()}" is not a version specifier such as >=3.9 or <3.13`;
}

/** The release numbers of a version such as "3.11.7" or "3.13.0rc1" (the pre-release tag is ignored). */
function releaseOf(version: string): number[] {
  const match = /^\d+(?:\.\d+)*/.exec(version.trim());
  if (!match) throw new Error(`not a version: ${version}`);
  return match[0].split('.').map(Number);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

const hasPrefix = (version: readonly number[], prefix: readonly number[]) => prefix.every((part, i) => (version[i] ?? 0) === part);

function matches(version: readonly number[], { operator, release, wildcard }: Specifier): boolean {
  const order = compare(version, release);
  switch (operator) {
    case '==':
      return wildcard ? hasPrefix(version, release) : order === 0;
    case '!=':
      return wildcard ? !hasPrefix(version, release) : order !== 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '~=':
      // ~=3.11 is >=3.11,==3.*; ~=3.11.2 is >=3.11.2,==3.11.*
      return order >= 0 && hasPrefix(version, release.slice(0, -1));
  }
}

/** True when `version` ("3.11.7") lies in `range` (">=3.9,<3.13"); throws on a range that does not parse. */
export function satisfiesPythonRange(version: string, range: string): boolean {
  const problem = pythonRangeProblem(range);
  if (problem !== null) throw new Error(`Python range "${range}" ${problem}`);
  const release = releaseOf(version);
  return range.split(',').every((part) => matches(release, parseSpecifier(part)!));
}

/** The newest minor Python 3 release the range admits among those bollyx looks for (3.12 down to 3.9), for hints. */
export function suggestedPythonMinor(range: string): string | undefined {
  const minors = ['3.12', '3.11', '3.10', '3.9'];
  return minors.find((minor) => satisfiesPythonRange(`${minor}.0`, range) || satisfiesPythonRange(`${minor}.99`, range));
}
