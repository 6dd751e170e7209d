import type { Preset } from '../schemas';

/**
 * Netflix Hindi (Devanagari), adult programs. Limits from the Hindi Timed Text Style Guide and the
 * General Requirements. Characters are grapheme clusters, so a conjunct such as क्षि counts once.
 * Hindi marks case with postpositions after the noun (राम ने, घर में): a line may end after one but
 * never start with one, and का/के/की stay between the two nouns they join. पर is listed as a
 * postposition ("on"), not as the conjunction "but": that use is the rarer one and usually follows
 * punctuation, which already invites a break.
 *
 * Reading speed: 22 characters a second for adult programs, 18 for children's, 25 for SDH and 20 for
 * children's SDH, as Subtitle Edit's Netflix checker encodes Netflix's Hindi guide
 * (NetflixQualityController.CharactersPerSecond, case "hi"); the guide's own page could not be read when
 * this was written, so those figures are Subtitle Edit's reading of it. bollyx used 17, the English
 * template's adult speed, before.
 */
export const netflixHi: Preset = {
  name: 'netflix-hi',
  description: 'Netflix Hindi (Devanagari), adult programs',
  source: {
    title: 'Netflix Timed Text Style Guide: Hindi, General Requirements and Subtitle Timing Guidelines',
    url: 'https://partnerhelp.netflixstudios.com/hc/en-us/articles/115003196707-Hindi-Timed-Text-Style-Guide',
  },
  language: 'hi',
  maxCharsPerLine: 42,
  maxLines: 2,
  maxCharsPerSecond: 22,
  minDurationSeconds: 5 / 6,
  maxDurationSeconds: 7,
  minGapFrames: 2,
  closeGapsUnderFrames: 12,
  frameRate: 24,
  countBy: 'graphemes',
  sentenceEnds: ['।', '॥', '.', '?', '!'],
  clauseEnds: ['...', '…', ',', ';', ':', '—', '–'],
  breakWords: {
    conjunctions: [
      'और', 'लेकिन', 'मगर', 'परंतु', 'किंतु', 'कि', 'तो', 'या', 'क्योंकि', 'जो', 'जब', 'अगर', 'यदि', 'ताकि',
      'वरना', 'बल्कि', 'इसलिए', 'जबकि', 'तथा', 'एवं',
    ],
    prepositions: [],
    postpositions: ['ने', 'को', 'से', 'में', 'पर', 'तक', 'लिए', 'साथ', 'बाद', 'द्वारा'],
    keepWithNext: ['का', 'के', 'की', 'नहीं', 'न', 'मत', 'श्री', 'श्रीमती', 'डॉ.', 'बहुत', 'mr.', 'mrs.', 'dr.'],
    keepWithPrevious: [
      'का', 'के', 'की', 'है', 'हैं', 'था', 'थी', 'थे', 'हूँ', 'हो', 'गया', 'गई', 'गए', 'रहा', 'रही', 'रहे',
      'सकता', 'सकती', 'सकते', 'चाहिए', 'जी', 'भी', 'ही', 'वाला', 'वाली', 'वाले',
    ],
    abbreviations: ['डॉ.', 'प्रो.', 'mr.', 'mrs.', 'ms.', 'dr.'],
  },
};

/** Netflix Hindi, children's programs: slower reading (18 characters a second). */
export const netflixHiChildren: Preset = {
  ...netflixHi,
  name: 'netflix-hi-children',
  description: "Netflix Hindi (Devanagari), children's programs",
  maxCharsPerSecond: 18,
};

/** Netflix Hindi SDH (subtitles for the deaf and hard of hearing), adult programs: 25 characters a second. */
export const netflixHiSdh: Preset = {
  ...netflixHi,
  name: 'netflix-hi-sdh',
  description: 'Netflix Hindi (Devanagari) SDH, adult programs',
  maxCharsPerSecond: 25,
};

/** Netflix Hindi SDH, children's programs: 20 characters a second. */
export const netflixHiChildrenSdh: Preset = {
  ...netflixHi,
  name: 'netflix-hi-children-sdh',
  description: "Netflix Hindi (Devanagari) SDH, children's programs",
  maxCharsPerSecond: 20,
};
