import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SubtitlePipelineOutputs } from '../graph/pipeline-layout';
import { readSpeechSpans } from '../graph/stage-files';

const isFile = (file: string) => stat(file).then((info) => info.isFile(), () => false);

async function existing(jobDir: string, files: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const found = await Promise.all(Object.entries(files).map(async ([key, file]) => [key, file, await isFile(path.join(jobDir, file))] as const));
  return Object.fromEntries(found.filter(([, , present]) => present).map(([key, file]) => [key, file]));
}

/**
 * The outputs of the job's pipeline that are on disk: after `--only demux` or a run that stopped early,
 * the subtitles and videos not written yet are left out rather than listed.
 */
export async function finishedOutputs(jobDir: string, outputs: SubtitlePipelineOutputs): Promise<SubtitlePipelineOutputs> {
  const subtitles = await Promise.all(Object.entries(outputs.subtitles).map(async ([language, files]) => [language, await existing(jobDir, files)] as const));
  return {
    subtitles: Object.fromEntries(subtitles.filter(([, files]) => Object.keys(files).length > 0)),
    video: await existing(jobDir, outputs.video),
  };
}

/** Whether VAD heard speech; undefined when the VAD stage has not run in this job. */
export async function speechFound(jobDir: string): Promise<boolean | undefined> {
  try {
    return (await readSpeechSpans(jobDir)).segments.length > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
