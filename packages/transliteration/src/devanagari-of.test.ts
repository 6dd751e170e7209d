import { describe, expect, it } from 'vitest';
import { devanagariOf } from './devanagari-of';
import { romanizeHindi } from './romanize-hindi';

describe('devanagariOf', () => {
  it.each([
    ['Kamal', 'कमल'],
    ['Priyanka', 'प्रियंका'],
    ['Mumbai', 'मुंबई'],
    ['Deepika Kapoor', 'दीपिका कपूर'],
    ['Amitabh Bachchan', 'अमितभ बच्चन'],
    ['Rajesh Khanna', 'रजेश खन्ना'],
    ['Aishwarya', 'ऐश्वर्या'],
    ['Zindagi', 'ज़िंदगी'],
    ['Vidya', 'विद्या'],
    ['Neetu', 'नीतू'],
    ['Dilwale', 'दिलवले'],
  ])('%s → %s', (latin, devanagari) => {
    expect(devanagariOf(latin)).toBe(devanagari);
  });

  // The guess reads back as the same name, so a name with no Devanagari form still matches in Hindi text.
  it.each(['Kamal', 'Salman', 'Shahrukh', 'Priyanka', 'Mumbai', 'Amitabh', 'Rajesh', 'Simran', 'Rahul', 'Kajol', 'Deepika', 'Gabbar', 'Swades', 'Jaipur'])(
    'romanizeHindi(devanagariOf(%s)) gives the name back',
    (name) => {
      expect(romanizeHindi(devanagariOf(name), { case: 'title' })).toBe(name);
    },
  );

  it('leaves other text alone', () => {
    expect(devanagariOf('राहुल & Co. 42')).toBe('राहुल & को. 42');
  });
});
