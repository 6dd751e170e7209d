import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { editDistance } from '../../packages/errors/src/did-you-mean';

/**
 * The text Tesseract reads in one frame of a video: the frame at `seconds` is decoded with ffmpeg
 * (`-ss T -frames:v 1`) and read with `tesseract IMG - -l <hin|eng>`. Whitespace is collapsed and the
 * text put in NFC. Needs tesseract-ocr and its hin/eng data (Debian: tesseract-ocr-hin, -eng).
 */
export async function readFrameText(video: string, seconds: number, tesseractLanguage: 'hin' | 'eng'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bollyx-ocr-'));
  try {
    const frame = join(dir, 'frame.png');
    await execa('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-ss', String(seconds), '-i', `file:${video}`, '-frames:v', '1', frame]);
    const { stdout } = await execa('tesseract', [frame, '-', '-l', tesseractLanguage], { env: { OMP_THREAD_LIMIT: '1' } });
    return normalizeText(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** NFC, one space between words, no punctuation OCR invents at the edges. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/[|.,:;'"`“”‘’]/g, '').replace(/\s+/g, ' ').trim();
}

/** 1 − edit distance / the longer length (UTF-16 units: Devanagari and Latin are one each): 1 is identical. */
export function textSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}
