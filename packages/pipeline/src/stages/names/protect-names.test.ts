import { GlossarySchema } from '@bollyx/names';
import { describe, expect, it } from 'vitest';
import { protectNames, restoreNames } from './protect-names';

const glossary = GlossarySchema.parse({
  version: 1,
  entries: [
    { latin: 'Preeti', devanagari: 'प्रीति', kind: 'character', aliases: ['Priti'] },
    { latin: 'Amar', devanagari: 'अमर', kind: 'character' },
    { latin: 'Amarkant Varma', devanagari: 'अमरकांत वर्मा', kind: 'character' },
    { latin: 'Dil Se', devanagari: 'दिल से', kind: 'song', translate: true },
  ],
});

describe('protectNames and restoreNames', () => {
  it('puts placeholders for whole names in the source script, longest first, and never for a translatable entry', () => {
    const [hindi] = protectNames(['अमरकांत वर्मा और प्रीति दिल से मिले, अमरता नहीं।'], glossary, { source: 'devanagari', target: 'latin' });
    expect(hindi).toEqual({ text: '__N0__ और __N1__ दिल से मिले, अमरता नहीं।', names: ['Amarkant Varma', 'Preeti'] });
    const [english] = protectNames(['Priti met Amar.'], glossary, { source: 'latin', target: 'devanagari' });
    expect(english).toEqual({ text: '__N0__ met __N1__.', names: ['प्रीति', 'अमर'] });
  });

  it('restores the names in the target script, also where the translator spaced a placeholder out, and counts those it dropped', () => {
    expect(restoreNames('__N0__ and __ N1 __ met from the heart.', ['Amarkant Varma', 'Preeti'])).toEqual({ text: 'Amarkant Varma and Preeti met from the heart.', lost: 0 });
    expect(restoreNames('They met.', ['Amar'])).toEqual({ text: 'They met.', lost: 1 });
  });
});
