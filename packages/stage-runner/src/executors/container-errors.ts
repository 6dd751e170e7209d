import { BollyxError } from '@bollyx/errors';

/** A stage and the image it runs in. */
interface StageInImage {
  /** A stage id, or the stage family an image serves (`asr-whispercpp`, `asr-faster-whisper`, …). */
  stage: string;
  image: string;
}

/** Images the engine does not have, in its local image store: nothing was started. */
export class ContainerImageMissingError extends BollyxError {
  constructor(missing: readonly StageInImage[], facts: { engine: 'docker' | 'podman'; mode: 'docker-cpu' | 'docker-gpu' }) {
    const [first] = missing;
    const message =
      missing.length === 1 && first !== undefined
        ? `Stage ${first.stage} runs in the image ${first.image}, which ${facts.engine} does not have`
        : `${facts.engine} does not have the images these stages run in: ${missing.map(({ stage, image }) => `${stage} (${image})`).join(', ')}`;
    super('CONTAINER_IMAGE_MISSING', message, {
      hint: `Build the images with \`bollyx docker build --mode ${facts.mode} --engine ${facts.engine}\` (from code: \`buildImages\` of @bollyx/docker-builder), then run again`,
      details: { ...facts, missing },
    });
  }
}
