import type { Preset } from '../schemas';

/**
 * Netflix English (USA), adult programs. Limits from the English (USA) Timed Text Style Guide and the
 * General Requirements it builds on; the word lists follow its line-treatment rules (break after
 * punctuation, before conjunctions and prepositions; never split an article, a title or a subject
 * pronoun from the word it goes with).
 */
export const netflixEn: Preset = {
  name: 'netflix-en',
  description: 'Netflix English (USA), adult programs',
  source: {
    title: 'Netflix Timed Text Style Guide: English (USA), General Requirements and Subtitle Timing Guidelines',
    url: 'https://partnerhelp.netflixstudios.com/hc/en-us/articles/217350977-English-USA-Timed-Text-Style-Guide',
  },
  language: 'en',
  maxCharsPerLine: 42,
  maxLines: 2,
  maxCharsPerSecond: 20,
  minDurationSeconds: 5 / 6,
  maxDurationSeconds: 7,
  minGapFrames: 2,
  closeGapsUnderFrames: 12,
  frameRate: 24,
  countBy: 'graphemes',
  sentenceEnds: ['.', '?', '!'],
  clauseEnds: ['...', '…', ',', ';', ':', '—', '–'],
  breakWords: {
    conjunctions: [
      'and', 'but', 'or', 'nor', 'so', 'yet', 'because', 'although', 'though', 'while', 'whereas', 'unless',
      'until', 'since', 'if', 'when', 'whenever', 'where', 'wherever', 'whether', 'that', 'which', 'who',
      'whom', 'whose', 'than',
    ],
    prepositions: [
      'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'at', 'before', 'behind',
      'below', 'beneath', 'beside', 'between', 'beyond', 'by', 'during', 'for', 'from', 'in', 'inside', 'into',
      'like', 'near', 'of', 'off', 'on', 'onto', 'outside', 'over', 'past', 'through', 'toward', 'towards',
      'under', 'upon', 'with', 'within', 'without',
    ],
    postpositions: [],
    keepWithNext: [
      'a', 'an', 'the', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'this', 'these', 'those', 'i', 'we',
      'they', 'he', 'she', 'to', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'not', 'very',
    ],
    keepWithPrevious: ['not'],
    abbreviations: ['mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'st.', 'jr.', 'sr.', 'vs.', 'mt.', 'lt.', 'capt.', 'col.', 'gen.', 'sgt.'],
  },
};
