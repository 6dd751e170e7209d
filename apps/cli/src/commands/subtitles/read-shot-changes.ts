import { readFile } from 'node:fs/promises';
import { shotsFileSchema } from '@bollyx/pipeline/stages';
import { SubtitleFileError, SubtitleParseError } from '@bollyx/subtitles';

// bollyx's own video/shots.json, or a plain list of seconds (a JSON array, or one number a line).
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The shot changes (seconds) in `file`, and its frame rate when it names one. */
export async function readShotChanges(file: string): Promise<{ shotChanges: number[]; frameRate: number | undefined }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SubtitleFileError(file, error);
  }
  const fail = (detail: string) =>
    new SubtitleParseError(`${file} is not a list of shot changes: ${detail}`, {
      file,
      hint: 'Pass a job\'s video/shots.json, a JSON array of seconds, or one time in seconds a line',
    });
  if (/^\s*[[{]/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw fail((error as Error).message);
    }
    const shots = shotsFileSchema.safeParse(json);
    if (shots.success) return { shotChanges: shots.data.cuts.map((cut) => cut.time), frameRate: shots.data.frameRate };
    if (Array.isArray(json) && json.every(isTime)) return { shotChanges: json, frameRate: undefined };
    throw fail('neither { frameRate, cuts: [{ time }] } nor an array of seconds');
  }
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const times = lines.map(Number);
  const bad = times.findIndex((time) => !isTime(time));
  if (bad >= 0) throw fail(`line ${bad + 1} ("${lines[bad]!.slice(0, 40)}") is not a time in seconds`);
  return { shotChanges: times, frameRate: undefined };
}
