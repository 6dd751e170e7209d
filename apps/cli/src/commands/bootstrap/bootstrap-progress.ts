import type { BootstrapProgress } from '@bollyx/preflight';
import { buildProgressView } from '../../output/build-progress';
import { modelProgressTick } from '../../output/model-progress-tick';
import { createProgressReporter } from '../../output/progress-reporter';

export interface BootstrapProgressView {
  onProgress(progress: BootstrapProgress): void;
  /** Ends any live bar, so the next item line does not tear it. */
  stop(): void;
}

/**
 * Progress of the long items on stderr (a bar on a terminal, lines in a log), so stdout keeps only the
 * report: the engine build as `bollyx engines build` shows it, downloads as `bollyx models pull` does,
 * and an environment's creation as a line per phase and 10 %.
 */
export function bootstrapProgressView(): BootstrapProgressView {
  const build = buildProgressView({ json: false });
  const models = createProgressReporter({ json: false });
  let lastEnvironmentStep = '';
  return {
    onProgress(progress) {
      if (progress.step === 'engine') build.onProgress(progress.event);
      else if (progress.step === 'models') models.update(modelProgressTick(progress.event));
      else {
        const { phase, fraction, message } = progress.event;
        const step = `${progress.environment} ${phase} ${Math.floor(fraction * 10) * 10}%`;
        if (step === lastEnvironmentStep) return;
        lastEnvironmentStep = step;
        process.stderr.write(`environment ${step}: ${message}\n`);
      }
    },
    stop() {
      build.stop();
      models.stop();
    },
  };
}
