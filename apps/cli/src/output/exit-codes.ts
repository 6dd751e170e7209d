import { hardwareExitCodes } from './exit-codes/hardware';
import { jobExitCodes } from './exit-codes/job';
import { pipelineExitCodes } from './exit-codes/pipeline';
import { subtitlesExitCodes } from './exit-codes/subtitles';
import { environmentExitCodes } from './exit-codes/environment';
import { modelsExitCodes } from './exit-codes/models';
import { pythonEnvironmentExitCodes } from './exit-codes/python-environments';
import { preflightExitCodes } from './exit-codes/preflight';
import { dockerExitCodes } from './exit-codes/docker';
import { fileSystemExitCodes } from './exit-codes/file-system';
import { queueExitCodes } from './exit-codes/queue';
import { batchExitCodes } from './exit-codes/batch';
import { namesExitCodes } from './exit-codes/names';

/**
 * Exit codes by error code. Stable: scripts branch on them. Ranges: 2 usage, 10–29 input media and job
 * configuration, 30–34 engines, 35–39 and 55–59 models, 40–49 pipeline, 50–54 and 96 subtitles, 60–69 Python
 * environments, 70–79 preflight and bootstrap, 80–89 container images, 90–94 the file system (disk full,
 * read-only, permissions), 95 a batch with failed films, 100–109 the Redis film queue and its artifact store, 115–119 glossaries of names, 130 cancelled.
 * Each domain keeps its own table in `exit-codes/`.
 */
export const EXIT_CODES: Readonly<Record<string, number>> = {
  USAGE: 2,
  CANCELLED: 130,
  ...hardwareExitCodes,
  ...jobExitCodes,
  ...environmentExitCodes,
  ...modelsExitCodes,
  ...pythonEnvironmentExitCodes,
  ...preflightExitCodes,
  ...dockerExitCodes,
  ...pipelineExitCodes,
  ...subtitlesExitCodes,
  ...fileSystemExitCodes,
  ...queueExitCodes,
  ...batchExitCodes,
  ...namesExitCodes,
};

export const EXIT_UNEXPECTED = 1;

export function exitCodeFor(code: string): number {
  return EXIT_CODES[code] ?? EXIT_UNEXPECTED;
}
