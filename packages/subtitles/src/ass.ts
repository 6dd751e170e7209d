import { z } from 'zod';
import { SubtitleParseError } from './errors';
import { type AssOptions, AssOptionsSchema, type Cue, CueSchema } from './schemas';
import { lineOfRuns, type StyledRun, styledRuns } from './styled-runs';
import { isBlank, splitLines } from './text-lines';
import { validate } from './validate';

// Noto fonts by script (Debian's fonts-noto-core ships them): libass draws nothing for a glyph its font lacks.
const FONT_BY_SCRIPT: Readonly<Record<string, string>> = {
  Deva: 'Noto Sans Devanagari',
  Beng: 'Noto Sans Bengali',
  Guru: 'Noto Sans Gurmukhi',
  Gujr: 'Noto Sans Gujarati',
  Orya: 'Noto Sans Oriya',
  Taml: 'Noto Sans Tamil',
  Telu: 'Noto Sans Telugu',
  Knda: 'Noto Sans Kannada',
  Mlym: 'Noto Sans Malayalam',
  Arab: 'Noto Naskh Arabic',
  Latn: 'Noto Sans',
};
const SCRIPT_BY_LANGUAGE: Readonly<Record<string, string>> = {
  hi: 'Deva', mr: 'Deva', ne: 'Deva', sa: 'Deva', bn: 'Beng', as: 'Beng', pa: 'Guru', gu: 'Gujr', or: 'Orya', ta: 'Taml',
  te: 'Telu', kn: 'Knda', ml: 'Mlym', ur: 'Arab', ar: 'Arab', fa: 'Arab',
};

/** The Noto font that covers `language`'s script: an explicit script subtag wins (`hi-Latn` is Latin). */
export function fontForLanguage(language: string): string {
  const [primary = '', ...subtags] = language.split('-');
  const script = subtags.find((subtag) => /^[A-Za-z]{4}$/.test(subtag));
  const code = script ? script[0]!.toUpperCase() + script.slice(1).toLowerCase() : SCRIPT_BY_LANGUAGE[primary.toLowerCase()];
  return FONT_BY_SCRIPT[code ?? 'Latn'] ?? FONT_BY_SCRIPT.Latn!;
}

const STYLE_FORMAT =
  'Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding';
const EVENT_FORMAT = 'Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text';

/** `H:MM:SS.cc`: ASS counts centiseconds. */
function assTime(seconds: number): string {
  const cs = Math.round(seconds * 100);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(cs / 360_000)}:${pad(Math.floor(cs / 6000) % 60)}:${pad(Math.floor(cs / 100) % 60)}.${pad(cs % 100)}`;
}

// `{` opens an override block and `\N`, `\n`, `\h` are breaks and spaces: text that holds them is
// escaped as libass reads it (`\{`, `\}`), and a backslash before N, n or h gets a word joiner after it.
const WORD_JOINER = '\u2060';
const escapeText = (text: string) =>
  text.replace(/\\(?=[Nnh{}])/g, `\\${WORD_JOINER}`).replace(/[{}]/g, (brace) => `\\${brace}`);

function eventText(runs: StyledRun[][]): string {
  let italic = false;
  return runs
    .map((line) =>
      line
        .map((run) => {
          const tag = run.italic === italic ? '' : run.italic ? '{\\i1}' : '{\\i0}';
          italic = run.italic;
          return tag + escapeText(run.text);
        })
        .join(''),
    )
    .join('\\N');
}

/**
 * Advanced SubStation Alpha (v4+) text for `cues`: Script Info with PlayResX/Y, one style named for
 * the language with a font that covers its script (Noto Sans Devanagari for Hindi, Noto Sans for
 * Latin), white text with a black outline, bottom centre; one Dialogue per cue with the speaker in
 * the Name field, `\N` between lines and `{\i1}…{\i0}` for italics. Times are centiseconds, ASS's unit.
 */
export function toAss(cues: readonly Cue[], options: AssOptions): string {
  validate(z.array(CueSchema), cues, 'cues', 'Give each cue start and end in seconds and lines without line breaks');
  const valid = validate(AssOptionsSchema, options, 'ASS options', 'Pass { language: "hi" }');
  const font = valid.font ?? fontForLanguage(valid.language);
  const scale = valid.playResY / 1080;
  const size = Math.round(56 * scale);
  const margin = (value: number) => Math.round(value * scale);
  const style = valid.language;
  const styleLine = `Style: ${style},${font},${size},&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,${margin(3)},${margin(1)},2,${margin(192)},${margin(192)},${margin(54)},1`;
  return [
    '[Script Info]',
    '; Written by bollyx',
    `Title: ${valid.language} subtitles`,
    'ScriptType: v4.00+',
    // 2: no automatic wrapping; lines break where the cue says.
    'WrapStyle: 2',
    'ScaledBorderAndShadow: yes',
    'YCbCr Matrix: None',
    `PlayResX: ${valid.playResX}`,
    `PlayResY: ${valid.playResY}`,
    `Language: ${valid.language}`,
    '',
    '[V4+ Styles]',
    `Format: ${STYLE_FORMAT}`,
    styleLine,
    '',
    '[Events]',
    `Format: ${EVENT_FORMAT}`,
    ...cues.map((cue) => {
      // The Name field is comma-separated like the others.
      const name = (cue.speaker ?? '').replace(/,/g, ';');
      return `Dialogue: 0,${assTime(cue.start)},${assTime(cue.end)},${style},${name},0,0,0,,${eventText(styledRuns(cue.lines))}`;
    }),
    '',
  ].join('\n');
}

// --- reading ---

function parseAssTime(text: string): number | undefined {
  const match = /^\s*(\d+):(\d{1,2}):(\d{1,2})(?:[.:](\d{1,3}))?\s*$/.exec(text);
  if (!match) return undefined;
  const fraction = match[4] === undefined ? 0 : Number(`0.${match[4]}`);
  return Math.round((Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) + fraction) * 1000) / 1000;
}

/** The lines of an event's text: override blocks dropped except italics, breaks split, escapes undone. */
function linesOfEvent(text: string): string[] {
  const lines: StyledRun[][] = [[]];
  let italic = false;
  let run = '';
  const flush = () => {
    if (run) lines.at(-1)!.push({ text: run, italic });
    run = '';
  };
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    const next = text[at + 1];
    if (char === '{') {
      const close = text.indexOf('}', at);
      if (close < 0) {
        run += text.slice(at);
        break;
      }
      const italicTag = /\\i([01])(?![0-9])/.exec(text.slice(at, close));
      if (italicTag) {
        flush();
        italic = italicTag[1] === '1';
      }
      at = close;
    } else if (char === '\\' && (next === 'N' || next === 'n')) {
      flush();
      lines.push([]);
      at += 1;
    } else if (char === '\\' && next === 'h') {
      run += '\u00a0';
      at += 1;
    } else if (char === '\\' && (next === '{' || next === '}')) {
      run += next;
      at += 1;
    } else if (char === '\\' && next === WORD_JOINER) {
      run += '\\';
      at += 1;
    } else {
      run += char;
    }
  }
  flush();
  return lines.map(lineOfRuns).filter((line) => line.trim() !== '');
}

/**
 * Cues from ASS or SSA text: the `[Events]` section's Dialogue lines by its Format line (Comment lines
 * skipped), in file order; the Name field is the speaker; override tags are dropped except italics
 * (`<i>…</i>`). Throws SubtitleParseError naming the line at fault.
 */
export function parseAss(text: string): Cue[] {
  const lines = splitLines(text);
  let section = '';
  let format: string[] | undefined;
  const cues: Cue[] = [];
  lines.forEach((line, at) => {
    if (isBlank(line) || line.startsWith(';')) return;
    const header = /^\s*\[(.+)\]\s*$/.exec(line);
    if (header) {
      section = header[1]!.toLowerCase();
      return;
    }
    if (section !== 'events') return;
    const field = /^\s*([A-Za-z]+)\s*:\s?(.*)$/.exec(line);
    if (!field) return;
    const [, kind, value = ''] = field;
    if (kind === 'Format') format = value.split(',').map((name) => name.trim().toLowerCase());
    if (kind !== 'Dialogue') return;
    if (!format) {
      throw new SubtitleParseError(`Line ${at + 1} is a Dialogue before the [Events] Format line`, {
        line: at + 1,
        hint: `Add "Format: ${EVENT_FORMAT}" at the top of [Events]`,
      });
    }
    // Text is the last field and may hold commas.
    const parts = value.split(',');
    const fields = [...parts.slice(0, format.length - 1), parts.slice(format.length - 1).join(',')];
    const get = (name: string) => fields[format!.indexOf(name)];
    const start = parseAssTime(get('start') ?? '');
    const end = parseAssTime(get('end') ?? '');
    if (start === undefined || end === undefined) {
      throw new SubtitleParseError(`Line ${at + 1} should be a Dialogue with times such as 0:00:01.00, not "${line.slice(0, 60)}"`, {
        line: at + 1,
        hint: `Fix line ${at + 1}: Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,Text`,
      });
    }
    const speaker = (get('name') ?? '').trim();
    cues.push({ index: cues.length + 1, start, end, lines: linesOfEvent(get('text') ?? ''), ...(speaker ? { speaker } : {}) });
  });
  if (section === '' && cues.length === 0 && lines.some((line) => !isBlank(line))) {
    throw new SubtitleParseError('An ASS file must start with a [Script Info] section', {
      line: 1,
      hint: 'Add "[Script Info]" at the top, or name the file .srt or .vtt if it is one of those',
    });
  }
  return cues;
}
