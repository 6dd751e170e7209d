import type { Unit, VowelUnit } from './parse-word';

/** Consonants after which a word-final cluster keeps its schwa: मित्र → mitra, सूर्य → surya, कृष्ण → Krishna. */
const KEEPS_FINAL_SCHWA = new Set(['र', 'य', 'ल', 'व', 'ण']);

const SHORT = new Set(['a', 'i', 'u']);

const spokenVowel = (unit: Unit | undefined): unit is VowelUnit => unit?.kind === 'vowel' && !unit.deleted;
const isConsonant = (unit: Unit | undefined): boolean => unit?.kind === 'consonant';

/**
 * Marks the inherent schwas Hindi does not pronounce (Ohala's rule, as in Narasimhan et al., "Schwa-deletion
 * in Hindi text-to-speech synthesis", 2004): the word-final schwa, unless the word has one syllable or ends
 * in a cluster that needs it; then, right to left, a schwa between V C _ C V, so सलमान → Salman and
 * दिलवाले → Dilwale while कमल → Kamal keeps its first vowel. A nasalised schwa (प्रियंका) is never dropped.
 */
export function deleteSchwas(units: Unit[]): void {
  const vowelCount = units.filter((unit) => unit.kind === 'vowel').length;
  const last = units.at(-1);
  if (last?.kind === 'vowel' && last.inherent && !last.nasal && vowelCount > 1) {
    const cluster = isConsonant(units.at(-2)) && isConsonant(units.at(-3));
    const lastConsonant = units.at(-2);
    if (!(cluster && lastConsonant?.kind === 'consonant' && KEEPS_FINAL_SCHWA.has(lastConsonant.letter))) last.deleted = true;
  }
  for (let i = units.length - 2; i >= 2; i--) {
    const unit = units[i]!;
    if (unit.kind !== 'vowel' || !unit.inherent || unit.nasal) continue;
    const before = units[i - 2];
    // A short vowel with ं closes its syllable with a nasal consonant, so the schwa stays (ज़िंदगी → zindagi);
    // a long one is only nasalised (चांदनी → Chandni).
    const closed = before?.kind === 'vowel' && before.nasal === 'anusvara' && SHORT.has(before.vowel);
    if (!closed && isConsonant(units[i - 1]) && spokenVowel(before) && isConsonant(units[i + 1]) && spokenVowel(units[i + 2])) unit.deleted = true;
  }
}
