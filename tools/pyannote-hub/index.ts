import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A Hugging Face hub cache (read-only) holding pyannote/speaker-diarization-3.1, with its real config.yaml,
 * and the two models that config names, pyannote/segmentation-3.0 and pyannote/wespeaker-voxceleb-resnet34-LM,
 * as `bollyx models pull` leaves them: refs/main and the files of their registry entries (the weights are
 * stand-in bytes). For tests.
 */
export const pyannoteHubCache = fileURLToPath(new URL('./hub', import.meta.url));

export const PYANNOTE_PIPELINE_REPO = 'pyannote/speaker-diarization-3.1';

const repoDir = (hubCache: string, repo: string) => path.join(hubCache, `models--${repo.replace('/', '--')}`);

/** The snapshot folder refs/main names in `hubCache`: what `bollyx run` gives the diarization script. */
export function pyannoteSnapshotDir(repo: string, hubCache = pyannoteHubCache): string {
  const dir = repoDir(hubCache, repo);
  return path.join(dir, 'snapshots', readFileSync(path.join(dir, 'refs', 'main'), 'utf8'));
}

/** The files of a pyannote repository in the fixture, by path: what a loopback hub serves for it. */
export function pyannoteRepoFiles(repo: string): Record<string, Buffer> {
  const snapshot = pyannoteSnapshotDir(repo);
  return Object.fromEntries(readdirSync(snapshot).map((file) => [file, readFileSync(path.join(snapshot, file))]));
}
