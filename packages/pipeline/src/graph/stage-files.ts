import { join } from 'node:path';
import { z } from 'zod';
import { speechSegmentSchema } from '../stages/vad/speech-segments';
import { readJson } from './json-file';
import { LAYOUT } from './pipeline-layout';

/** `audio/speech.json`: where VAD heard speech, and how long the audio is. */
export const speechSpansFileSchema = z.object({
  durationSeconds: z.number().nonnegative(),
  segments: z.array(speechSegmentSchema),
});
export type SpeechSpansFile = z.infer<typeof speechSpansFileSchema>;

/** A job's `audio/speech.json`, once the vad stage wrote it: e.g. to tell the user no speech was found. */
export async function readSpeechSpans(jobDir: string): Promise<SpeechSpansFile> {
  return readJson(join(jobDir, LAYOUT.speechSpans), speechSpansFileSchema);
}
