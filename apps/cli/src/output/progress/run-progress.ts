import type { MovieRunEvent } from '@bollyx/pipeline';
import { buildProgressView } from '../build-progress';
import { modelProgressTick } from '../model-progress-tick';
import { createProgressReporter } from '../progress-reporter';
import { createPipelineProgress } from './pipeline-progress';

export interface RunProgress {
  onEvent(event: MovieRunEvent): void;
  stop(): void;
}

/**
 * Renders every event of a whole run: the engine build and model downloads as bars (or JSON lines), a
 * warning on stderr, then the stages. Each view is stopped before the next one draws, so none tears another.
 */
export function createRunProgress(options: { json: boolean }): RunProgress {
  const build = buildProgressView(options);
  const models = createProgressReporter(options);
  const stages = createPipelineProgress(options);
  const stopSetup = () => {
    build.stop();
    models.stop();
  };
  return {
    onEvent(event) {
      switch (event.type) {
        case 'engine-build':
          build.onProgress(event);
          return;
        case 'model-progress':
          models.update(modelProgressTick(event.progress));
          return;
        case 'warning':
          process.stderr.write(`bollyx: warning: ${event.message}\n`);
          return;
        default:
          stopSetup();
          stages.onEvent(event);
      }
    },
    stop() {
      stopSetup();
      stages.stop();
    },
  };
}
