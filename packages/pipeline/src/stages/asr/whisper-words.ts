import type { WhisperOutput } from '@bollyx/environment-manager';
import { spreadWords } from './spread-words';

/** A word as Whisper timed it, in seconds of the audio it heard. */
export interface TimedWord {
  text: string;
  start: number;
  end: number;
}

/** The words of one Whisper segment. */
export interface TimedSegment {
  text: string;
  start: number;
  end: number;
  words: TimedWord[];
}

type WhisperSegment = WhisperOutput['transcription'][number];

// Special tokens: timestamps `[_TT_150]`, `[_BEG_]`, `<|endoftext|>` and the like.
const SPECIAL_TOKEN = /^(\[_[A-Z]+_?\d*\]|<\|[^|]*\|>)$/;
// What a byte-fallback token decodes to when it holds part of a multi-byte character (Devanagari is 3 bytes).
const BROKEN_CHARACTER = '\uFFFD';

/** Words from tokens: a token starting with a space starts a word, the others continue it. */
function wordsFromTokens(segment: WhisperSegment): TimedWord[] {
  const words: TimedWord[] = [];
  for (const token of segment.tokens ?? []) {
    if (SPECIAL_TOKEN.test(token.text) || token.offsets === undefined) continue;
    const start = token.offsets.from / 1000;
    const end = token.offsets.to / 1000;
    const last = words.at(-1);
    if (last === undefined || /^\s/.test(token.text)) words.push({ text: token.text.trim(), start, end });
    else {
      last.text += token.text;
      last.end = Math.max(last.end, end);
    }
  }
  return words.filter((word) => word.text !== '');
}

/**
 * Whisper's segments with their words, in seconds of the audio it heard. Word times come from the
 * token timestamps; a segment whose tokens hold split characters keeps its text and spreads its time
 * over the words by length.
 */
export function whisperSegments(output: WhisperOutput): TimedSegment[] {
  return output.transcription.flatMap((segment) => {
    const text = segment.text.trim();
    if (text === '') return [];
    const start = segment.offsets.from / 1000;
    const end = segment.offsets.to / 1000;
    const fromTokens = wordsFromTokens(segment);
    const spelled = fromTokens.map((word) => word.text).join(' ');
    const tokensSpellText =
      fromTokens.length > 0 && !spelled.includes(BROKEN_CHARACTER) && spelled.replace(/\s+/g, '') === text.replace(/\s+/g, '');
    return [{ text, start, end, words: tokensSpellText ? fromTokens : spreadWords(text, start, end) }];
  });
}
