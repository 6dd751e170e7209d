import type { WhisperOutput } from '@bollyx/environment-manager';
import { describe, expect, it } from 'vitest';
import { whisperSegments } from './whisper-words';

type Segment = WhisperOutput['transcription'][number];
type Token = NonNullable<Segment['tokens']>[number];

const token = (text: string, from: number, to: number): Token => ({
  text,
  offsets: { from, to },
  timestamps: { from: '', to: '' },
  id: 1,
  p: 0.9,
  t_dtw: -1,
});
const output = (transcription: Segment[]): WhisperOutput => ({
  systeminfo: '',
  model: { type: 'tiny', multilingual: true, vocab: 51865, audio: { ctx: 1, state: 1, head: 1, layer: 1 }, text: { ctx: 1, state: 1, head: 1, layer: 1 }, mels: 80, ftype: 1 },
  params: { model: 'm', language: 'en', translate: false },
  result: { language: 'en' },
  transcription,
});
const segment = (text: string, from: number, to: number, tokens: Token[]): Segment => ({
  text,
  offsets: { from, to },
  timestamps: { from: '', to: '' },
  tokens,
});

describe('whisperSegments', () => {
  it('joins tokens into words at leading spaces and skips special tokens', () => {
    const [first] = whisperSegments(
      output([segment(' Hello friend.', 0, 2000, [token('[_BEG_]', 0, 0), token(' Hel', 100, 400), token('lo', 400, 700), token(' friend', 800, 1500), token('.', 1500, 1600), token('[_TT_100]', 2000, 2000)])]),
    );
    expect(first).toEqual({
      text: 'Hello friend.',
      start: 0,
      end: 2,
      words: [
        { text: 'Hello', start: 0.1, end: 0.7 },
        { text: 'friend.', start: 0.8, end: 1.6 },
      ],
    });
  });

  it('spreads the segment over its words by length when tokens hold split characters', () => {
    // A Devanagari character split across byte tokens reads back as U+FFFD in each token.
    const [first] = whisperSegments(output([segment(' नमस्ते दोस्त', 1000, 3000, [token(' \uFFFD', 1000, 1500), token('\uFFFD', 1500, 3000)])]));
    expect(first!.text).toBe('नमस्ते दोस्त');
    expect(first!.words.map((word) => word.text)).toEqual(['नमस्ते', 'दोस्त']);
    expect(first!.words[0]!.start).toBe(1);
    expect(first!.words[1]!.end).toBeCloseTo(3, 6);
    expect(first!.words[0]!.end).toBe(first!.words[1]!.start);
  });

  it('leaves out empty segments', () => {
    expect(whisperSegments(output([segment(' ', 0, 1000, [])]))).toEqual([]);
  });
});
