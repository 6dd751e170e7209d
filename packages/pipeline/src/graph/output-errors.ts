import { BollyxError } from '@bollyx/errors';

/** A file the outputs would be copied to exists already. */
export class OutputExistsError extends BollyxError {
  constructor(paths: readonly string[]) {
    super('OUTPUT_EXISTS', `Not copying the outputs: ${paths.join(', ')} ${paths.length === 1 ? 'exists' : 'exist'} already`, {
      hint: 'Pass another --output-dir, or move those files away; the outputs stay in the job folder meanwhile',
      details: { paths },
    });
  }
}
