import { describe, expect, it } from 'vitest';
import { LanguageSchema } from './config-schema';
import { tagMatchesLanguage, toIso6392 } from './language-codes';

describe('language codes', () => {
  it('gives the ISO 639-2/T code, or the /B code where asked and different', () => {
    expect(toIso6392('hi')).toBe('hin');
    expect(toIso6392('de')).toBe('deu');
    expect(toIso6392('de', 'bibliographic')).toBe('ger');
    expect(toIso6392('hi', 'bibliographic')).toBe('hin');
  });

  it('recognises a stream tag in 639-1, 639-2/T or 639-2/B form, in any case', () => {
    expect(['hi', 'hin', 'HIN', ' Hin '].every((tag) => tagMatchesLanguage(tag, 'hi'))).toBe(true);
    expect(['ger', 'deu', 'de'].every((tag) => tagMatchesLanguage(tag, 'de'))).toBe(true);
    expect(tagMatchesLanguage('eng', 'hi')).toBe(false);
    expect(tagMatchesLanguage(undefined, 'hi')).toBe(false);
  });

  it('accepts only the codes it can map', () => {
    expect(LanguageSchema.safeParse('hi').success).toBe(true);
    expect(LanguageSchema.safeParse('hin').success).toBe(false);
    expect(LanguageSchema.safeParse('xx').success).toBe(false);
  });
});
