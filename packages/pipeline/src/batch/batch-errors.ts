import { BollyxError } from '@bollyx/errors';

/** Nothing to work on: the inputs hold no file with a media extension. */
export class BatchNoMediaError extends BollyxError {
  constructor(inputs: readonly string[], recursive: boolean) {
    super('BATCH_NO_MEDIA', `No media found in ${inputs.join(', ')}${recursive ? '' : ' (subfolders not searched)'}`, {
      hint: `Pass a folder holding films or audio files, or the files themselves${recursive ? '' : '; recursive (--recursive in the CLI) searches subfolders'}`,
      details: { inputs, recursive },
    });
  }
}
