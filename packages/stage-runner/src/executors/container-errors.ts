import { BollyxError } from '@bollyx/errors';

/** The stage's container image is not in the engine's local image store: nothing was started. */
export class ContainerImageMissingError extends BollyxError {
  constructor(stageId: string, facts: { engine: 'docker' | 'podman'; image: string; mode: 'docker-cpu' | 'docker-gpu' }) {
    super('CONTAINER_IMAGE_MISSING', `Stage ${stageId} runs in the image ${facts.image}, which ${facts.engine} does not have`, {
      hint: `Build the images with \`bollyx docker build --mode ${facts.mode} --engine ${facts.engine}\`, then run again`,
      details: { stageId, ...facts },
    });
  }
}
