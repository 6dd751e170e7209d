// Made on first use: building a segmenter loads ICU break data, tens of ms of every `bollyx` start.
let graphemes: Intl.Segmenter | undefined;

// Tags such as <i> and ASS overrides such as {\an8} are styling, not text the viewer reads.
const MARKUP = /<[^>]*>|\{\\[^}]*\}/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Characters as a viewer sees them: grapheme clusters, not UTF-16 units, so a Devanagari conjunct
 * such as क्षि or an accented letter counts once. Markup is not counted.
 */
export function countCharacters(text: string): number {
  const visible = text.replace(MARKUP, '');
  // Plain ASCII has one grapheme per unit; skipping the segmenter keeps English fast.
  if (PRINTABLE_ASCII.test(visible)) return visible.length;
  let count = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const _ of graphemes.segment(visible)) count += 1;
  return count;
}
