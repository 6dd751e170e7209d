import { classifyWords } from './boundaries';
import type { LayoutWord } from './break-lines';
import { countCharacters } from './count-characters';
import type { Preset, Segment, SpeakerStyle, SpeechRegion } from './schemas';

/** A word on the integer-millisecond clock segmentation works on, ready for layout. */
export interface TimedWord extends LayoutWord {
  startMs: number;
  endMs: number;
  /** Where the speech this word belongs to ends: its VAD region, or the word itself without VAD. */
  speechEndMs: number;
  speaker: string | undefined;
}

interface RawWord {
  text: string;
  startMs: number;
  endMs: number;
  speaker: string | undefined;
}

type SpokenWord = RawWord & { speechEndMs: number };

const PUNCTUATION_ONLY = /^[\p{P}\p{S}]+$/u;
const OPENING_ONLY = /^[\p{Ps}\p{Pi}\p{Sc}¿¡]+$/u;
const toMs = (seconds: number) => Math.round(seconds * 1000);

/**
 * ASR sometimes gives punctuation as words of its own (" ," or " ¿"): closing marks join the word
 * before, opening marks and currency signs the word after, so they never stand alone on a line.
 */
function attachPunctuation(words: readonly RawWord[]): RawWord[] {
  const attached: RawWord[] = [];
  let opening: RawWord | undefined;
  for (const word of words) {
    const previous = attached.at(-1);
    if (PUNCTUATION_ONLY.test(word.text) && !OPENING_ONLY.test(word.text) && previous && previous.speaker === word.speaker) {
      previous.text += word.text;
      previous.endMs = Math.max(previous.endMs, word.endMs);
      continue;
    }
    if (OPENING_ONLY.test(word.text)) {
      opening = opening ? { ...opening, text: opening.text + word.text } : { ...word };
      continue;
    }
    attached.push(opening ? { ...word, text: opening.text + word.text, startMs: Math.min(opening.startMs, word.startMs) } : { ...word });
    opening = undefined;
  }
  if (opening) attached.push(opening);
  return attached;
}

function mergeRegions(regions: readonly SpeechRegion[]): { startMs: number; endMs: number }[] {
  const sorted = regions.map((region) => ({ startMs: toMs(region.start), endMs: toMs(region.end) })).sort((a, b) => a.startMs - b.startMs);
  const merged: { startMs: number; endMs: number }[] = [];
  for (const region of sorted) {
    const last = merged.at(-1);
    if (last && region.startMs <= last.endMs) last.endMs = Math.max(last.endMs, region.endMs);
    else merged.push({ ...region });
  }
  return merged;
}

/**
 * Keeps each word inside the speech region it overlaps most and drops words that overlap none:
 * ASR invents text in silence and music ("Thanks for watching"), VAD does not.
 */
function clampToSpeech(words: readonly RawWord[], regions: readonly SpeechRegion[]): SpokenWord[] {
  const speech = mergeRegions(regions);
  const kept: SpokenWord[] = [];
  let first = 0;
  for (const word of words) {
    while (first < speech.length && speech[first]!.endMs < word.startMs) first += 1;
    let best: { startMs: number; endMs: number } | undefined;
    let bestOverlap = -1;
    for (let index = first; index < speech.length && speech[index]!.startMs <= word.endMs; index += 1) {
      const region = speech[index]!;
      const overlap = Math.min(word.endMs, region.endMs) - Math.max(word.startMs, region.startMs);
      if (overlap > bestOverlap) [best, bestOverlap] = [region, overlap];
    }
    if (!best) continue;
    const startMs = Math.min(Math.max(word.startMs, best.startMs), best.endMs);
    kept.push({ ...word, startMs, endMs: Math.max(startMs, Math.min(word.endMs, best.endMs)), speechEndMs: best.endMs });
  }
  return kept;
}

/** Flattens ASR segments into one time-ordered run of words, cleaned, kept to speech and classified. */
export function prepareWords(
  segments: readonly Segment[],
  preset: Preset,
  options: { speech?: readonly SpeechRegion[] | undefined; speakerStyle: SpeakerStyle },
): TimedWord[] {
  const raw: RawWord[] = [];
  for (const segment of segments) {
    for (const word of segment.words) {
      const text = word.text.trim().replace(/\s+/g, ' ');
      if (text) raw.push({ text, startMs: toMs(word.start), endMs: toMs(word.end), speaker: segment.speaker });
    }
  }
  raw.sort((a, b) => a.startMs - b.startMs);
  const attached = attachPunctuation(raw);
  const words = options.speech
    ? clampToSpeech(attached, options.speech)
    : attached.map((word) => ({ ...word, speechEndMs: word.endMs }));
  if (options.speakerStyle === 'label') {
    // The label is glued to the turn's first word so no break can separate it from what is said.
    words.forEach((word, index) => {
      if (word.speaker !== undefined && word.speaker !== words[index - 1]?.speaker) word.text = `[${word.speaker}] ${word.text}`;
    });
  }
  const traits = classifyWords(
    words.map((word) => word.text),
    preset,
  );
  return words.map((word, index) => ({ ...word, length: countCharacters(word.text), traits: traits[index]! }));
}
