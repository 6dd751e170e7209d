// Netflix's text rules that a linter can check line by line. Sources: the Timed Text Style Guides'
// General Requirements (the glyph list) and the English (USA) and Hindi guides (dual speakers: a
// hyphen without a space on each speaker's line; ellipses: the single character U+2026).

const MARKUP = /<[^>]*>|\{\\[^}]*\}/g;

/** What a viewer reads of a line: markup removed. */
export const visibleText = (line: string) => line.replace(MARKUP, '');

/**
 * The Latin part of Netflix's glyph list, as a character class: Basic Latin, Latin-1, Latin
 * Extended-A, the comma-below letters (Ș ș Ț ț), typographic quotes and dashes, the ellipsis,
 * bullet, euro sign, trade mark and music notes. An approximation of the published list, which is not
 * available offline: it catches what matters in machine output (other scripts, emoji, symbols).
 */
const LATIN_GLYPHS = /[\u0020-\u007e\u00a0-\u017f\u0192\u0218-\u021b\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u266a\u266b]/u;

// Languages written in Latin script whose Netflix guides take the Latin glyph list.
const LATIN_LANGUAGES = new Set([
  'en', 'fr', 'es', 'pt', 'de', 'it', 'nl', 'sv', 'da', 'no', 'nb', 'nn', 'fi', 'pl', 'cs', 'sk', 'ro', 'hu', 'tr', 'id', 'ms',
  'hr', 'sl', 'ca', 'eu', 'gl', 'et', 'lv', 'lt', 'sw', 'tl', 'fil',
]);

/** Whether text in `language` (a BCP 47 tag) is Latin script: English and the like, or an explicit `-Latn`. */
export function isLatinScript(language: string): boolean {
  const [primary = '', ...subtags] = language.toLowerCase().split('-');
  if (subtags.includes('latn')) return true;
  if (subtags.some((subtag) => subtag.length === 4)) return false;
  return LATIN_LANGUAGES.has(primary);
}

/** The characters of `line` outside the Latin glyph list, each once, in order. */
export function glyphsOutsideLatin(line: string): string[] {
  const outside = new Set<string>();
  for (const char of visibleText(line)) if (!LATIN_GLYPHS.test(char)) outside.add(char);
  return [...outside];
}

const DASH_START = /^([-\u2010\u2011\u2013\u2014])(\s*)/;

/** What is wrong with a cue's dialogue dashes, or undefined: `-Line` for each speaker, no space, a hyphen. */
export function dialogueDashProblem(lines: readonly string[]): string | undefined {
  const dashes = lines.map((line) => DASH_START.exec(visibleText(line).trimStart()));
  if (!dashes.some(Boolean)) return undefined;
  const wrongDash = dashes.find((dash) => dash && dash[1] !== '-');
  if (wrongDash) return `starts a speaker's line with "${wrongDash[1]}"; use a hyphen (-)`;
  if (dashes.some((dash) => dash && dash[2] !== '')) return 'has a space after a dialogue hyphen; write "-Line" with no space';
  // A dialogue has one speaker a line, each line led by its hyphen.
  if (dashes.some((dash) => !dash)) return "dashes only some lines; in a dialogue start each speaker's line with a hyphen";
  return undefined;
}

/** What is wrong with a line's ellipses, or undefined: Netflix wants the single character …, not dots. */
export function ellipsisProblem(line: string): string | undefined {
  const dots = /(?<!\.)\.{2,}(?!\.)/.exec(visibleText(line));
  if (!dots) return undefined;
  return dots[0].length === 3 ? 'uses three full stops for an ellipsis; use the single character … (U+2026)' : `has ${dots[0].length} full stops in a row; use the single ellipsis character … (U+2026)`;
}

/** What is wrong with a line's spaces, or undefined: none at its ends, never two in a row. */
export function whitespaceProblem(line: string): string | undefined {
  const text = visibleText(line);
  if (text !== text.trim()) return 'has a space at the start or end of a line';
  if (/\s{2,}/.test(text)) return 'has two spaces in a row';
  return undefined;
}
