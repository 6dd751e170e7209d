import type { FileHandle } from 'node:fs/promises';

/** Box types an MP4/MOV/M4A file can open with: how the format is told apart from others. */
const OPENING_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'styp']);

const isBoxType = (type: string) => /^[\x20-\x7e]{4}$/.test(type);

/** What the top-level box structure says about an ISO base media (MP4, MOV, M4A) file. */
export type IsoBmffCheck = { kind: 'not-iso-bmff' } | { kind: 'complete' } | { kind: 'truncated'; reason: string };

/**
 * Walks an MP4/MOV file's top-level boxes (a few small reads, whatever the file's size) to catch a
 * file that was cut short: a box that runs past the end, or no `moov` box (the index that recorders
 * and ffmpeg write last). ffprobe alone reads such a file as "not media" or, index first, as whole.
 */
export async function checkIsoBmff(file: FileHandle, size: number): Promise<IsoBmffCheck> {
  const header = Buffer.alloc(16);
  let offset = 0;
  let sawMoov = false;
  while (offset < size) {
    const { bytesRead } = await file.read(header, 0, 16, offset);
    const type = bytesRead >= 8 ? header.toString('latin1', 4, 8) : '';
    if (offset === 0 && !OPENING_BOXES.has(type)) return { kind: 'not-iso-bmff' };
    if (!isBoxType(type)) {
      // Bytes after a complete movie (some tools pad files) do not make it incomplete.
      if (sawMoov) return { kind: 'complete' };
      return { kind: 'truncated', reason: `it ends inside a box header at byte ${offset}, before its index (moov box)` };
    }
    const declared = header.readUInt32BE(0);
    // Size 1: the real size follows as 64 bits; size 0: the box runs to the end of the file.
    const boxSize = declared === 1 ? (bytesRead >= 16 ? Number(header.readBigUInt64BE(8)) : 0) : declared === 0 ? size - offset : declared;
    if (boxSize < 8) return { kind: 'truncated', reason: `its ${type} box at byte ${offset} is damaged (size ${boxSize})` };
    if (type === 'moov') sawMoov = true;
    if (offset + boxSize > size) {
      return {
        kind: 'truncated',
        reason: `its ${type} box needs ${offset + boxSize} bytes but the file has ${size}${sawMoov ? '' : ', and its index (moov box) is missing'}`,
      };
    }
    offset += boxSize;
  }
  return sawMoov ? { kind: 'complete' } : { kind: 'truncated', reason: 'its index (moov box) is missing' };
}
