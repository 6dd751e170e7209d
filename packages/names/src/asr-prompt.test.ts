import { describe, expect, it } from 'vitest';
import { asrPrompt, WHISPER_PROMPT_TOKENS } from './asr-prompt';
import { GlossarySchema, type Glossary } from './glossary-schema';

const glossary: Glossary = GlossarySchema.parse({
  version: 1,
  entries: [
    { latin: 'Shah Rukh Khan', devanagari: 'शाहरुख़ ख़ान', kind: 'person', note: 'plays Amarkant Varma' },
    { latin: 'Manisha Koirala', devanagari: 'मनीषा कोइराला', kind: 'person' },
    { latin: 'Amarkant Varma', devanagari: 'अमरकांत वर्मा', kind: 'character' },
    { latin: 'Meghna', devanagari: 'मेघना', kind: 'character' },
    { latin: 'Chaiyya Chaiyya', kind: 'song' },
    { latin: 'Delhi', devanagari: 'दिल्ली', kind: 'place' },
  ],
});

describe('asrPrompt', () => {
  it('lists characters, then the cast in billing order, then places and songs, in Latin for English', () => {
    expect(asrPrompt(glossary, { language: 'en' })).toBe(
      'Names: Amarkant Varma, Meghna, Shah Rukh Khan, Manisha Koirala, Delhi, Chaiyya Chaiyya.',
    );
  });

  it('writes the Devanagari forms for Hindi, the Latin one where a name has none', () => {
    expect(asrPrompt(glossary, { language: 'hi' })).toBe('नाम: अमरकांत वर्मा, मेघना, शाहरुख़ ख़ान, मनीषा कोइराला, दिल्ली, Chaiyya Chaiyya।');
  });

  it('keeps to the budget, counting a byte as a token unless told how the model counts', () => {
    const small = asrPrompt(glossary, { language: 'hi', maxTokens: 60 });
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(60);
    expect(small).toBe('नाम: अमरकांत वर्मा।');
    // With the model's own count (here: a token per word), more names fit the same budget.
    const words = (text: string) => text.split(' ').length;
    expect(asrPrompt(glossary, { language: 'hi', maxTokens: 8, countTokens: words })).toBe('नाम: अमरकांत वर्मा, मेघना, शाहरुख़ ख़ान, मनीषा कोइराला।');
  });

  it('never exceeds whisper’s own prompt budget, and is empty with no names', () => {
    const many = GlossarySchema.parse({ version: 1, entries: Array.from({ length: 200 }, (_, i) => ({ latin: `Name${i}`, kind: 'person' })) });
    expect(Buffer.byteLength(asrPrompt(many, { language: 'en', maxTokens: 10_000 }))).toBeLessThanOrEqual(WHISPER_PROMPT_TOKENS);
    expect(asrPrompt(GlossarySchema.parse({ version: 1, entries: [] }), { language: 'hi' })).toBe('');
  });
});
