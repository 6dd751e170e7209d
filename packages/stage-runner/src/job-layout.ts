import { join } from 'node:path';
import { hostFileTag } from './host-identity';

/** Where the engine keeps its files inside a job folder. */
export function jobLayout(jobDir: string) {
  const logsDir = join(jobDir, 'logs');
  const manifestsDir = join(jobDir, 'manifests');
  return {
    logsDir,
    manifestsDir,
    lockPath: join(jobDir, 'pipeline.lock'),
    pipelineLogPath: join(logsDir, 'pipeline.jsonl'),
    // Per host: the cache trusts (size, mtime, inode), which another machine sharing the folder sees differently.
    hashCachePath: join(manifestsDir, `file-hashes.${hostFileTag()}.json`),
    stageLogPath: (stageId: string) => join(logsDir, `${stageId}.log`),
    manifestPath: (stageId: string) => join(manifestsDir, `${stageId}.json`),
  };
}
export type JobLayout = ReturnType<typeof jobLayout>;
