import path from 'node:path';

/**
 * The name a job's media file is written under before it is renamed into place: in the same folder
 * (so the rename is atomic), hidden (so the job's state ignores it) and with the same extension.
 */
export const partialPathOf = (destination: string): string =>
  path.join(path.dirname(destination), `.partial-${path.basename(destination)}`);
