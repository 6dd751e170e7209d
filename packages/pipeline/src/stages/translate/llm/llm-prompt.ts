import type { Glossary } from '@bollyx/names';
import type { ChatMessage } from './llm-client';

/** The subtitle limits the model writes to: the target language's preset. */
export interface SubtitleStyle {
  maxCharsPerLine: number;
  maxLines: number;
  maxCharsPerSecond: number;
}

export interface PromptSetting {
  /** ISO 639-1 codes; the source may be `auto`. */
  source: string;
  target: string;
  style: SubtitleStyle;
  /** The film's names and synopsis (the `names` stage), when it ran. */
  glossary?: Glossary;
}

/** A numbered source line with its length budget in characters. */
export interface PromptLine {
  n: number;
  text: string;
  budget: number;
}

/** A line already translated: the history that keeps names, tone and forms of address consistent. */
export interface HistoryLine {
  source: string;
  translation: string;
}

/** Glossary entries beyond this are left out of the prompt: a local model's context is small. */
const MAX_GLOSSARY_ENTRIES = 120;

const languageName = (code: string) =>
  code === 'auto' ? 'the language spoken' : (new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code);

/** The JSON the model answers with, one entry per numbered line: the response_format schema. */
export const LINES_SCHEMA = {
  name: 'subtitle_lines',
  schema: {
    type: 'object',
    properties: {
      lines: {
        type: 'array',
        items: {
          type: 'object',
          properties: { n: { type: 'integer' }, text: { type: 'string' } },
          required: ['n', 'text'],
          additionalProperties: false,
        },
      },
    },
    required: ['lines'],
    additionalProperties: false,
  },
};

const answerFormat = (structured: boolean) =>
  structured
    ? 'Answer with JSON only: {"lines":[{"n":<number>,"text":"<subtitle>"}]}, one entry per numbered line, same numbers, same order.'
    : 'Answer with one line per numbered line and nothing else, as "<number>. <subtitle>", same numbers, same order.';

function filmSection(glossary: Glossary | undefined): string[] {
  const film = glossary?.film;
  const lines: string[] = [];
  if (film?.title) lines.push(`Film: ${film.title}${film.year ? ` (${film.year})` : ''}${film.originalTitle && film.originalTitle !== film.title ? `, ${film.originalTitle}` : ''}.`);
  if (film?.synopsis) lines.push(`Synopsis: ${film.synopsis}`);
  const entries = glossary?.entries.slice(0, MAX_GLOSSARY_ENTRIES) ?? [];
  if (entries.length > 0) {
    lines.push('Glossary (source forms → the form to write; names are never translated):');
    for (const entry of entries) {
      const forms = [entry.devanagari, ...entry.aliases].filter((form): form is string => form !== undefined && form !== entry.latin);
      const about = [entry.kind, entry.note].filter(Boolean).join('; ');
      lines.push(`- ${forms.length > 0 ? `${forms.join(' / ')} → ` : ''}${entry.latin}${entry.translate ? ' (may be translated)' : ''} (${about})`);
    }
  }
  return lines;
}

/** What the model is told once per request: the task, the subtitle style, the film and its names, the answer's format. */
export function systemPrompt(setting: PromptSetting, structured: boolean): string {
  const { maxCharsPerLine, maxLines, maxCharsPerSecond } = setting.style;
  return [
    `You are a film subtitler. Translate ${languageName(setting.source)} dialogue into ${languageName(setting.target)} subtitles.`,
    `Style: each numbered line becomes one subtitle of at most ${maxLines} line${maxLines === 1 ? '' : 's'} of ${maxCharsPerLine} characters (${maxCharsPerLine * maxLines} in all), read at ${maxCharsPerSecond} characters per second; each line shows its own budget as [≤N]. Write what a subtitler writes: short, natural, spoken; drop fillers and repetitions; never explain.`,
    'Keep the meaning of honorifics and forms of address (ji, sahab, bhai, didi) as the speaker means them; English words in the source (Hinglish) stay English; song lyrics are translated for meaning, in lines as short as the rest.',
    'Never merge, split, drop or reorder lines: every numbered line gets exactly one translation, even a short one.',
    ...filmSection(setting.glossary),
    answerFormat(structured),
  ].join('\n');
}

/** The request's own text: the history, then the numbered lines to translate with their budgets. */
export function translateRequest(lines: readonly PromptLine[], history: readonly HistoryLine[]): string {
  return [
    ...(history.length > 0 ? ['Previous lines, already translated (context only, do not repeat):', ...history.map((line) => `${line.source} → ${line.translation}`), ''] : []),
    'Translate:',
    ...lines.map((line) => `${line.n}. [≤${line.budget}] ${line.text}`),
  ].join('\n');
}

/** The second pass: the same film and style, asked to shorten and smooth a draft, line for line. */
export function reviewPrompt(setting: PromptSetting, structured: boolean): string {
  return [
    `You are a film subtitle editor. You get ${languageName(setting.source)} lines with a draft ${languageName(setting.target)} subtitle each.`,
    `Make each subtitle read well at ${setting.style.maxCharsPerSecond} characters per second within its budget [≤N]: shorten what is over budget, smooth what reads like a translation, keep the meaning, the names and the forms of address. Change nothing that is already good.`,
    'Never merge, split, drop or reorder lines.',
    ...filmSection(setting.glossary),
    answerFormat(structured),
  ].join('\n');
}

export function reviewRequest(lines: readonly PromptLine[], drafts: readonly string[]): string {
  return ['Review:', ...lines.map((line, index) => `${line.n}. [≤${line.budget}] ${line.text}\n   draft: ${drafts[index]}`)].join('\n');
}

export const messages = (system: string, user: string): ChatMessage[] => [
  { role: 'system', content: system },
  { role: 'user', content: user },
];
