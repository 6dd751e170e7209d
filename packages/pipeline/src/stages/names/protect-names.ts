import type { Glossary } from '@bollyx/names';

type Script = 'devanagari' | 'latin';

/** A text with the glossary's names replaced by placeholders, and the name each placeholder stands for in the target script. */
export interface ProtectedText {
  text: string;
  names: string[];
}

// `__N0__`: ASCII the translators' sentencepiece vocabularies hold, copied through as it stands; not
// IndicTransToolkit's own `<ID0>` placeholders, which its postprocessing fills from its own table.
const placeholder = (index: number) => `__N${index}__`;
// Detokenizers may space it out: `__ N0 __`, `_ _N0_ _`.
const PLACEHOLDER = /_\s*_\s*N\s*(\d+)\s*_\s*_/g;

const inScript = (script: Script) => (text: string) => (script === 'devanagari' ? /\p{Script=Devanagari}/u.test(text) : /\p{Script=Latin}/u.test(text));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names of a glossary a translator must not translate (entries with `translate: true` are left to it),
 * as a matcher of their source-script spellings (the form and aliases), longest first, at word boundaries,
 * and each spelling's target-script form.
 */
function nameMatcher(glossary: Glossary, source: Script, target: Script): { pattern: RegExp; formOf: Map<string, string> } | undefined {
  const formOf = new Map<string, string>();
  for (const entry of glossary.entries) {
    if (entry.translate) continue;
    const form = target === 'devanagari' ? (entry.devanagari ?? entry.latin) : entry.latin;
    const spellings = [entry.latin, ...(entry.devanagari === undefined ? [] : [entry.devanagari]), ...entry.aliases].filter(inScript(source));
    for (const spelling of spellings) if (!formOf.has(spelling)) formOf.set(spelling, form);
  }
  if (formOf.size === 0) return undefined;
  const alternatives = [...formOf.keys()].sort((a, b) => b.length - a.length).map(escape);
  return { pattern: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu'), formOf };
}

/**
 * Each text with the glossary's names (in the source's script) replaced by placeholders before a machine
 * translator sees it, so that it cannot translate "Preeti" as "love"; `restoreNames` puts each name back
 * in the target's script after. Deterministic: the same texts and glossary give the same placeholders.
 */
export function protectNames(texts: readonly string[], glossary: Glossary, scripts: { source: Script; target: Script }): ProtectedText[] {
  const matcher = nameMatcher(glossary, scripts.source, scripts.target);
  return texts.map((text) => {
    if (matcher === undefined) return { text, names: [] };
    const names: string[] = [];
    const replaced = text.replace(matcher.pattern, (spelling) => placeholder(names.push(matcher.formOf.get(spelling)!) - 1));
    return { text: replaced, names };
  });
}

/** A translation with its placeholders replaced by the names; `lost` counts the names the translator dropped. */
export function restoreNames(text: string, names: readonly string[]): { text: string; lost: number } {
  const seen = new Set<number>();
  const restored = text.replace(PLACEHOLDER, (match, index: string) => {
    const name = names[Number(index)];
    if (name === undefined) return match;
    seen.add(Number(index));
    return name;
  });
  return { text: restored, lost: names.length - seen.size };
}
