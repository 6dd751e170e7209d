import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { SubtitleParseError } from './errors';
import { type Cue, CueSchema, type TtmlOptions, TtmlOptionsSchema } from './schemas';
import { lineOfRuns, type StyledRun, styledRuns } from './styled-runs';
import { validate } from './validate';

const NS = {
  tt: 'http://www.w3.org/ns/ttml',
  ttp: 'http://www.w3.org/ns/ttml#parameter',
  tts: 'http://www.w3.org/ns/ttml#styling',
  ttm: 'http://www.w3.org/ns/ttml#metadata',
};
const IMSC1_TEXT_PROFILE = 'http://www.w3.org/ns/ttml/profile/imsc1/text';

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** TTML's frame rate: an integer, with `1000 1001` for the NTSC rates (23.976, 29.97, 59.94). */
function ttmlFrameRate(frameRate: number): { rate: number; multiplier: [number, number] | undefined; effective: number } {
  const rate = Math.round(frameRate);
  const ntsc = Math.abs(frameRate - (rate * 1000) / 1001) < Math.abs(frameRate - rate);
  return { rate, multiplier: ntsc ? [1000, 1001] : undefined, effective: ntsc ? (rate * 1000) / 1001 : rate };
}

/** `HH:MM:SS.mmm`, or `HH:MM:SS:FF` (media time in frames of the effective rate) for frame timing. */
function clockTime(seconds: number, frames: number | undefined): string {
  let whole = Math.floor(seconds + 1e-9);
  let tail: string;
  if (frames === undefined) {
    const ms = Math.round((seconds - whole) * 1000);
    if (ms === 1000) whole += 1;
    tail = `.${pad(ms % 1000, 3)}`;
  } else {
    const frame = Math.round((seconds - whole) * frames);
    if (frame >= Math.ceil(frames)) whole += 1;
    tail = `:${pad(frame >= Math.ceil(frames) ? 0 : frame)}`;
  }
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}${tail}`;
}

function paragraph(cue: Cue, runs: StyledRun[][], time: (seconds: number) => string, agent: string | undefined): string {
  const text = runs
    .map((line) => line.map((run) => (run.italic ? `<span tts:fontStyle="italic">${escapeXml(run.text)}</span>` : escapeXml(run.text))).join(''))
    .join('<br/>');
  const agentAttribute = agent === undefined ? '' : ` ttm:agent="${agent}"`;
  return `      <p begin="${time(cue.start)}" end="${time(cue.end)}"${agentAttribute}>${text}</p>`;
}

/**
 * TTML1 text for `cues` in the IMSC1 text profile, as Netflix's timed text delivery takes it:
 * `xml:lang`, media time base with the frame rate declared, times as `HH:MM:SS.mmm` or, with
 * `timing: 'frames'`, `HH:MM:SS:FF`; `<br/>` between lines, italics as `tts:fontStyle`, and a
 * `ttm:agent` per speaker, named in the head, on the cues that have one. Bottom-centred in the
 * title-safe area.
 */
export function toTtml(cues: readonly Cue[], options: TtmlOptions): string {
  validate(z.array(CueSchema), cues, 'cues', 'Give each cue start and end in seconds and lines without line breaks');
  const valid = validate(TtmlOptionsSchema, options, 'TTML options', 'Pass { language: "hi", frameRate: 25 }');
  const frameRate = ttmlFrameRate(valid.frameRate);
  const time = (seconds: number) => clockTime(seconds, valid.timing === 'frames' ? frameRate.effective : undefined);
  const speakers = [...new Set(cues.flatMap((cue) => (cue.speaker === undefined ? [] : [cue.speaker])))];
  const agentOf = (speaker: string | undefined) => (speaker === undefined ? undefined : `speaker${speakers.indexOf(speaker) + 1}`);
  const multiplier = frameRate.multiplier ? ` ttp:frameRateMultiplier="${frameRate.multiplier.join(' ')}"` : '';
  const agents = speakers.map(
    (speaker) =>
      `      <ttm:agent xml:id="${agentOf(speaker)}" type="character"><ttm:name type="full">${escapeXml(speaker)}</ttm:name></ttm:agent>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tt xmlns="${NS.tt}" xmlns:ttp="${NS.ttp}" xmlns:tts="${NS.tts}" xmlns:ttm="${NS.ttm}" xml:lang="${escapeXml(valid.language)}"` +
      ` ttp:profile="${IMSC1_TEXT_PROFILE}" ttp:timeBase="media" ttp:frameRate="${frameRate.rate}"${multiplier}>`,
    '  <head>',
    ...(agents.length > 0 ? ['    <metadata>', ...agents, '    </metadata>'] : []),
    '    <styling>',
    '      <style xml:id="default" tts:textAlign="center" tts:fontStyle="normal" tts:color="white"/>',
    '    </styling>',
    '    <layout>',
    '      <region xml:id="bottom" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="after" tts:textAlign="center"/>',
    '    </layout>',
    '  </head>',
    '  <body region="bottom" style="default">',
    '    <div>',
    ...cues.map((cue) => paragraph(cue, styledRuns(cue.lines), time, agentOf(cue.speaker))),
    '    </div>',
    '  </body>',
    '</tt>',
    '',
  ].join('\n');
}

// --- reading ---

type XmlNode = { [tag: string]: XmlNode[] | string | Record<string, string> | undefined } & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
});

const tagOf = (node: XmlNode) => Object.keys(node).find((key) => key !== ':@')!;
const childrenOf = (node: XmlNode): XmlNode[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? value : [];
};
const attributesOf = (node: XmlNode): Record<string, string> => node[':@'] ?? {};
const find = (nodes: readonly XmlNode[], tag: string) => nodes.filter((node) => tagOf(node) === tag);

interface TimeBase {
  frameRate: number;
  subFrameRate: number;
  tickRate: number;
}

/** Seconds of a TTML time expression (clock time with fraction or frames, or an offset), or undefined. */
function parseTime(text: string, base: TimeBase): number | undefined {
  const clock = /^(\d{2,}):(\d{2}):(\d{2}(?:\.\d+)?)(?::(\d{2,})(?:\.(\d+))?)?$/.exec(text.trim());
  if (clock) {
    const [, h, m, s, frames, subFrames] = clock;
    const frameSeconds = frames === undefined ? 0 : (Number(frames) + (subFrames === undefined ? 0 : Number(subFrames) / base.subFrameRate)) / base.frameRate;
    return Number(h) * 3600 + Number(m) * 60 + Number(s) + frameSeconds;
  }
  const offset = /^(\d+(?:\.\d+)?)(h|m|s|ms|f|t)$/.exec(text.trim());
  if (!offset) return undefined;
  const value = Number(offset[1]);
  const unit = { h: 3600, m: 60, s: 1, ms: 0.001, f: 1 / base.frameRate, t: 1 / base.tickRate }[offset[2] as 'h' | 'm' | 's' | 'ms' | 'f' | 't'];
  return value * unit;
}

const roundMs = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * Cues from TTML (TTML1, IMSC1, Netflix's DFXP): every `<p>` with times, relative to the times of the
 * `<body>` and `<div>`s around it; `begin`/`end` or `dur` as clock times (fractions or frames at
 * `ttp:frameRate`) or offsets; `<br/>` breaks lines; italics (`tts:fontStyle` on the element or its
 * referenced styles) become `<i>…</i>`; a `ttm:agent` names the cue's speaker. Text is whitespace-collapsed
 * as TTML's `xml:space="default"` says. Throws SubtitleParseError for XML that is not well-formed.
 */
export function parseTtml(text: string): Cue[] {
  const xml = text.replace(/^\uFEFF/, '');
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    throw new SubtitleParseError(`Line ${wellFormed.err.line}: the XML is not well-formed (${wellFormed.err.msg})`, {
      line: wellFormed.err.line,
      hint: `Fix the XML at line ${wellFormed.err.line}, e.g. check it with \`xmllint --noout FILE\``,
    });
  }
  const tt = find(parser.parse(xml) as XmlNode[], 'tt')[0];
  if (!tt) throw new SubtitleParseError('A TTML document must have a <tt> root element', { hint: 'Pass a TTML (.ttml, .dfxp, .xml) file whose root is <tt xmlns="http://www.w3.org/ns/ttml">' });
  const root = attributesOf(tt);
  const [rate = '30', multiplier] = [root.frameRate, root.frameRateMultiplier];
  const [numerator = 1, denominator = 1] = (multiplier ?? '1 1').split(/\s+/).map(Number);
  const frameRate = (Number(rate) * numerator) / denominator;
  const subFrameRate = Number(root.subFrameRate ?? 1);
  const base: TimeBase = { frameRate, subFrameRate, tickRate: Number(root.tickRate ?? (root.frameRate ? frameRate * subFrameRate : 1)) };

  const head = find(childrenOf(tt), 'head')[0];
  const headChildren = head ? childrenOf(head) : [];
  const italicStyles = new Set(
    find(headChildren, 'styling')
      .flatMap((styling) => find(childrenOf(styling), 'style'))
      .filter((style) => attributesOf(style).fontStyle === 'italic')
      .map((style) => attributesOf(style).id),
  );
  const agents = new Map<string, string>();
  for (const metadata of find(headChildren, 'metadata')) {
    for (const agent of find(childrenOf(metadata), 'agent')) {
      const name = find(childrenOf(agent), 'name')[0];
      const nameText = name ? textOf(childrenOf(name)).trim() : '';
      agents.set(attributesOf(agent).id ?? '', nameText || (attributesOf(agent).id ?? ''));
    }
  }
  const italicOf = (attributes: Record<string, string>, inherited: boolean) => {
    if (attributes.fontStyle !== undefined) return attributes.fontStyle === 'italic' || attributes.fontStyle === 'oblique';
    const styles = (attributes.style ?? '').split(/\s+/).filter(Boolean);
    return styles.some((style) => italicStyles.has(style)) || inherited;
  };
  const timeOf = (value: string | undefined, what: string) => {
    if (value === undefined) return undefined;
    const seconds = parseTime(value, base);
    if (seconds === undefined) {
      throw new SubtitleParseError(`"${value}" is not a TTML time expression (${what})`, {
        hint: 'Write times as HH:MM:SS.mmm, HH:MM:SS:FF or an offset such as 12.5s',
      });
    }
    return seconds;
  };

  const cues: Cue[] = [];
  const walk = (node: XmlNode, offset: number, italic: boolean) => {
    const attributes = attributesOf(node);
    const begin = offset + (timeOf(attributes.begin, 'begin') ?? 0);
    const nodeItalic = italicOf(attributes, italic);
    if (tagOf(node) !== 'p') {
      for (const child of childrenOf(node)) if (['body', 'div', 'p'].includes(tagOf(child))) walk(child, begin, nodeItalic);
      return;
    }
    const end = attributes.end === undefined ? (attributes.dur === undefined ? undefined : begin + timeOf(attributes.dur, 'dur')!) : offset + timeOf(attributes.end, 'end')!;
    if (attributes.begin === undefined || end === undefined) return;
    const lines = linesOf(childrenOf(node), nodeItalic, italicOf)
      .map(trimRuns)
      .filter((runs) => runs.length > 0)
      .map(lineOfRuns);
    const speaker = attributes.agent === undefined ? undefined : agents.get(attributes.agent.split(/\s+/)[0]!) ?? attributes.agent;
    cues.push({ index: cues.length + 1, start: roundMs(begin), end: roundMs(end), lines, ...(speaker ? { speaker } : {}) });
  };
  for (const body of find(childrenOf(tt), 'body')) walk(body, 0, false);
  return cues;
}

function textOf(nodes: readonly XmlNode[]): string {
  return nodes.map((node) => (typeof node['#text'] === 'string' ? decodeEntities(node['#text']) : textOf(childrenOf(node)))).join('');
}

/** The runs of a `<p>`'s content, split into lines at `<br/>`. */
function linesOf(
  nodes: readonly XmlNode[],
  italic: boolean,
  italicOf: (attributes: Record<string, string>, inherited: boolean) => boolean,
  lines: StyledRun[][] = [[]],
): StyledRun[][] {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') lines.at(-1)!.push({ text: decodeEntities(String(node['#text'])).replace(/\s+/g, ' '), italic });
    else if (tag === 'br') lines.push([]);
    else if (tag === 'span') linesOf(childrenOf(node), italicOf(attributesOf(node), italic), italicOf, lines);
  }
  return lines;
}

// The parser leaves character references to us: named XML ones and numeric ones.
const decodeEntities = (text: string) =>
  text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_, decimal: string, hex: string, name: string) =>
    decimal ? String.fromCodePoint(Number(decimal)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!,
  );

/** A line's runs with the collapsed spaces at its two ends removed, and empty runs dropped. */
function trimRuns(runs: StyledRun[]): StyledRun[] {
  const merged: StyledRun[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.italic === run.italic) last.text = (last.text + run.text).replace(/ {2,}/g, ' ');
    else merged.push({ ...run });
  }
  if (merged[0]) merged[0].text = merged[0].text.trimStart();
  if (merged.at(-1)) merged.at(-1)!.text = merged.at(-1)!.text.trimEnd();
  return merged.filter((run) => run.text !== '');
}
