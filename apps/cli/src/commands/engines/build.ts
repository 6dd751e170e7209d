import { buildWhisperEngine, planWhisperEngine } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { buildProgressView } from '../../output/build-progress';
import { detectEngineHardware } from './engine-hardware';
import { renderBuiltEngine } from './render-engines';

export default defineCommand({
  meta: {
    name: 'build',
    description: 'Build whisper.cpp for this machine (CPU, CUDA or Metal) into the engines folder, once',
  },
  args: {
    force: { type: 'boolean', description: 'Build again even when a working engine is installed' },
    json: { type: 'boolean', description: 'Print progress and the engine record as JSON lines' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      // Ctrl-C stops the compilers too and keeps the CMake folder, so the next build resumes.
      withStopSignals(async (signal) => {
        const hardware = await detectEngineHardware();
        const { reason } = await planWhisperEngine({ hardware });
        const progress = buildProgressView({ json: Boolean(args.json) });
        let built = false;
        const engine = await buildWhisperEngine({
          hardware,
          force: args.force,
          signal,
          onProgress: (event) => {
            built ||= event.phase === 'install';
            progress.onProgress(event);
          },
        }).finally(() => progress.stop());
        process.stdout.write(args.json ? `${JSON.stringify({ ok: true, built, engine })}\n` : renderBuiltEngine(engine, built, reason));
      }),
    ),
});
