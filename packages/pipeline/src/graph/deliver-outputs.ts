import { copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeThroughTemp } from '../stages/demux/temp-output';
import { OutputExistsError } from './output-errors';
import type { SubtitlePipelineOutputs } from './pipeline-layout';

export interface DeliverOutputsOptions {
  /** The job folder the outputs' relative paths start from. */
  jobDir: string;
  outputs: SubtitlePipelineOutputs;
  /** The name the copies start with (the movie's, without extension). */
  stem: string;
  /** Where the copies go; created if missing. */
  dir: string;
}

/**
 * Copies a job's outputs into a folder as `<stem>.<language>.<format>` and `<stem>.subtitled.<container>`.
 * Nothing is copied if any of those names is taken: bollyx never writes over a file. Each copy is written
 * beside its name and moved into place, so an interrupted copy leaves no half-written file. Returns the copies.
 */
export async function deliverOutputs(options: DeliverOutputsOptions): Promise<SubtitlePipelineOutputs> {
  const dir = path.resolve(options.dir);
  const copies: { from: string; to: string }[] = [];
  const place = (relative: string, name: string) => {
    const to = path.join(dir, name);
    copies.push({ from: path.join(options.jobDir, relative), to });
    return to;
  };
  const delivered: SubtitlePipelineOutputs = {
    subtitles: Object.fromEntries(
      Object.entries(options.outputs.subtitles).map(([language, files]) => [
        language,
        Object.fromEntries(Object.entries(files).map(([format, file]) => [format, place(file, `${options.stem}.${language}.${format}`)])),
      ]),
    ),
    video: Object.fromEntries(
      Object.entries(options.outputs.video).map(([container, file]) => [container, place(file, `${options.stem}.subtitled.${container}`)]),
    ),
  };
  const taken = [];
  for (const { to } of copies) if (await stat(to).catch(() => undefined)) taken.push(to);
  if (taken.length > 0) throw new OutputExistsError(taken);
  // A file that appeared since the check is still not overwritten.
  for (const { from, to } of copies) {
    await writeThroughTemp(to, { refuseExisting: () => new OutputExistsError([to]) }, (temp) => copyFile(from, temp));
  }
  return delivered;
}
