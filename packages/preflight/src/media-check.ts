import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isBollyxError } from '@bollyx/errors';
import type { MediaInfo } from '@bollyx/job-config';
import { errorOutcome, type CheckDefinition } from './check-definition';

const minutes = (seconds: number) => (seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);

/** The media (not yet in a job) is a readable file with audio and a duration, as `bollyx prepare` requires. */
export function mediaCheck(mediaPath: string, probe: () => Promise<MediaInfo>): CheckDefinition {
  const file = path.resolve(mediaPath);
  return {
    id: 'media',
    why: 'the job starts from this file: it must be readable media with an audio stream',
    fingerprint: async () => {
      const info = await stat(file).catch(() => undefined);
      return info && { file, size: info.size, mtimeMs: info.mtimeMs };
    },
    check: async () => {
      try {
        const info = await probe();
        const languages = info.audioStreams.map((stream) => stream.language ?? 'untagged').join(', ');
        return { ok: true, what: `${file}: ${minutes(info.durationSeconds)}, audio ${languages}` };
      } catch (error) {
        if (!isBollyxError(error) || error.code === 'CANCELLED') throw error;
        return errorOutcome(error);
      }
    },
  };
}
