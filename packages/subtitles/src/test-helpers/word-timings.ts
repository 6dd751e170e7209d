// Hand-written word timings, as an ASR engine with word timestamps would give them, for the
// segmentation tests. Times are in seconds; each tuple is [text, start, end].
import type { Segment } from '../schemas';

type Timed = readonly [text: string, start: number, end: number];

export const segment = (words: readonly Timed[], speaker?: string): Segment => ({
  words: words.map(([text, start, end]) => ({ text, start, end })),
  start: words[0]![1],
  end: words.at(-1)![2],
  ...(speaker === undefined ? {} : { speaker }),
});

/** A 0.2 s "Hey!" right before a question: too short alone, it joins the question. */
export const interjectionThenQuestion: Segment[] = [
  segment([['Hey!', 0.5, 0.7]]),
  segment([
    ['Where', 0.82, 1.0],
    ['have', 1.0, 1.12],
    ['you', 1.12, 1.25],
    ['been', 1.25, 1.45],
    ['all', 1.45, 1.62],
    ['night?', 1.62, 2.05],
  ]),
];

/** A 0.2 s "Hey!" alone in four seconds of silence: it must still stay up 5/6 s. */
export const loneInterjection: Segment[] = [
  segment([['Hey!', 10.0, 10.2]]),
  segment([
    ['Over', 14.0, 14.25],
    ['here.', 14.25, 14.7],
  ]),
];

/** 28 words, 137 characters, no punctuation at all, a short breath before "when". */
export const longUnpunctuatedSentence: Segment[] = [
  segment([
    ['so', 4.0, 4.12],
    ['I', 4.12, 4.2],
    ['was', 4.2, 4.38],
    ['walking', 4.38, 4.8],
    ['down', 4.8, 5.05],
    ['the', 5.05, 5.15],
    ['road', 5.15, 5.5],
    ['near', 5.55, 5.8],
    ['the', 5.8, 5.9],
    ['old', 5.9, 6.12],
    ['temple', 6.12, 6.6],
    ['when', 6.95, 7.15],
    ['I', 7.15, 7.22],
    ['saw', 7.22, 7.45],
    ['my', 7.45, 7.58],
    ['friend', 7.58, 7.9],
    ['Raj', 7.9, 8.2],
    ['standing', 8.25, 8.7],
    ['there', 8.7, 8.95],
    ['with', 8.95, 9.1],
    ['his', 9.1, 9.25],
    ['brother', 9.25, 9.62],
    ['and', 9.62, 9.75],
    ['a', 9.75, 9.8],
    ['big', 9.8, 10.0],
    ['bag', 10.0, 10.22],
    ['of', 10.22, 10.3],
    ['mangoes', 10.3, 10.9],
  ]),
];

/** Twelve seconds of one speaker without a pause longer than a breath. */
export const monologue: Segment[] = [
  segment([
    ['I', 20.0, 20.1],
    ['never', 20.1, 20.4],
    ['wanted', 20.4, 20.75],
    ['this.', 20.75, 21.1],
    ['I', 21.3, 21.38],
    ['told', 21.38, 21.62],
    ['them', 21.62, 21.8],
    ['a', 21.8, 21.85],
    ['hundred', 21.85, 22.2],
    ['times', 22.2, 22.55],
    ['that', 22.55, 22.7],
    ['the', 22.7, 22.8],
    ['house', 22.8, 23.1],
    ['was', 23.1, 23.25],
    ['not', 23.25, 23.45],
    ['for', 23.45, 23.6],
    ['sale.', 23.6, 24.1],
  ]),
  segment([
    ['They', 24.4, 24.58],
    ['did', 24.58, 24.75],
    ['not', 24.75, 24.95],
    ['listen.', 24.95, 25.45],
    ['They', 25.7, 25.88],
    ['never', 25.88, 26.15],
    ['listen.', 26.15, 26.7],
    ['And', 27.0, 27.15],
    ['now', 27.15, 27.4],
    ['look', 27.4, 27.65],
    ['where', 27.65, 27.85],
    ['we', 27.85, 27.95],
    ['are,', 27.95, 28.3],
    ['standing', 28.55, 29.0],
    ['in', 29.0, 29.1],
    ['the', 29.1, 29.2],
    ['rain', 29.2, 29.55],
    ['with', 29.55, 29.75],
    ['nothing.', 29.75, 30.4],
    ['Nothing', 30.9, 31.35],
    ['at', 31.35, 31.45],
    ['all.', 31.45, 32.0],
  ]),
];

/** Titles with a full stop, a figure with a comma, a date and two full names. */
export const numbersAndNames: Segment[] = [
  segment([
    ['Mr.', 40.0, 40.2],
    ['Sharma', 40.2, 40.6],
    ['paid', 40.6, 40.85],
    ['25,000', 40.85, 41.6],
    ['rupees', 41.6, 42.0],
    ['on', 42.0, 42.1],
    ['15', 42.1, 42.4],
    ['August', 42.4, 42.8],
    ['2023', 42.8, 43.5],
    ['to', 43.5, 43.6],
    ['Dr.', 43.6, 43.9],
    ['Priya', 43.9, 44.25],
    ['Nair.', 44.25, 44.8],
  ]),
];

/** The Netflix Hindi style guide's own example sentence, spoken in four seconds. */
export const hindiSentence: Segment[] = [
  segment([
    ['मानो', 1.0, 1.3],
    ['या', 1.3, 1.4],
    ['न', 1.4, 1.5],
    ['मानो,', 1.5, 1.9],
    ['स्नातक', 2.05, 2.45],
    ['बनने', 2.45, 2.7],
    ['के', 2.7, 2.8],
    ['लिए', 2.8, 3.0],
    ['हमें', 3.05, 3.3],
    ['बस', 3.3, 3.45],
    ['दो', 3.45, 3.6],
    ['और', 3.6, 3.75],
    ['कक्षाएँ', 3.75, 4.15],
    ['पास', 4.15, 4.35],
    ['करनी', 4.35, 4.6],
    ['हैं।', 4.6, 5.0],
  ]),
];

/**
 * A 0.2 s "अरे!" and then one long unpunctuated run: 59 UTF-16 units of its text are only 33
 * grapheme clusters (क्षत्रिय is three), so it fits a 42-character line.
 */
export const hindiInterjectionAndRun: Segment[] = [
  segment([['अरे!', 6.0, 6.2]]),
  segment([
    ['तुम', 6.35, 6.5],
    ['कहाँ', 6.5, 6.75],
    ['थे', 6.75, 6.9],
    ['पूरी', 6.9, 7.15],
    ['रात', 7.15, 7.4],
    ['मैं', 7.55, 7.7],
    ['तुम्हारा', 7.7, 8.1],
    ['इंतज़ार', 8.1, 8.5],
    ['कर', 8.5, 8.62],
    ['रहा', 8.62, 8.8],
    ['था', 8.8, 9.0],
    ['और', 9.3, 9.45],
    ['तुम्हारे', 9.45, 9.85],
    ['भाई', 9.85, 10.1],
    ['ने', 10.1, 10.2],
    ['कहा', 10.2, 10.45],
    ['कि', 10.45, 10.55],
    ['तुम', 10.55, 10.7],
    ['क्षत्रिय', 10.7, 11.2],
    ['मोहल्ले', 11.2, 11.6],
    ['में', 11.6, 11.72],
    ['अपने', 11.72, 11.95],
    ['दोस्तों', 11.95, 12.35],
    ['के', 12.35, 12.45],
    ['साथ', 12.45, 12.7],
    ['क्रिकेट', 12.7, 13.1],
    ['खेल', 13.1, 13.35],
    ['रहे', 13.35, 13.5],
    ['थे', 13.5, 13.8],
  ]),
];

/** Names and figures in Hindi: 25,000 रुपये and 15 अगस्त must not be split. */
export const hindiNumbersAndNames: Segment[] = [
  segment([
    ['डॉ.', 50.0, 50.3],
    ['प्रिया', 50.3, 50.65],
    ['नायर', 50.65, 51.0],
    ['ने', 51.0, 51.1],
    ['15', 51.1, 51.5],
    ['अगस्त', 51.5, 51.9],
    ['2023', 51.9, 52.7],
    ['को', 52.7, 52.85],
    ['शर्मा', 52.85, 53.2],
    ['जी', 53.2, 53.35],
    ['को', 53.35, 53.5],
    ['25,000', 53.5, 54.3],
    ['रुपये', 54.3, 54.65],
    ['दिए।', 54.65, 55.0],
  ]),
];
