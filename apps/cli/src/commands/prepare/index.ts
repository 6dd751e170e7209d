import { prepareJob, resolveWorkspace } from '@bollyx/job-config';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { renderConfigSources, renderJob } from '../../output/job-summary';
import { detectMachine } from '../../hardware/detect-machine';

/** The flags that set a config field, by flag name: the library validates the values like any layer. */
const CONFIG_FLAGS = {
  workflow: 'workflow',
  sourceLanguage: 'sourceLanguage',
  targetLanguages: 'targetLanguages',
  start: 'clip.start',
  end: 'clip.end',
  audioStream: 'audioStream',
  backend: 'asr.backend',
  model: 'asr.model',
  device: 'asr.device',
  translator: 'translation.backend',
  vad: 'vad.enabled',
  diarize: 'diarization.enabled',
  formats: 'output.formats',
  mux: 'output.mux.enabled',
} as const;

/** A percentage on one terminal line while the media is copied or clipped; nothing in logs and pipes. */
function mediaProgress(show: boolean): { update(fraction: number): void; end(): void } {
  let shown = false;
  return {
    update(fraction) {
      if (!show) return;
      shown = true;
      process.stderr.write(`\rpreparing the media: ${Math.floor(fraction * 100)}%`);
    },
    end() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export default defineCommand({
  meta: {
    name: 'prepare',
    description: 'Check a movie with ffprobe and make a job for it: an id, a folder and a validated job.yaml',
  },
  args: {
    media: { type: 'positional', description: 'The movie or audio file (put -- before a name that starts with "-")', required: true },
    workflow: { type: 'string', description: 'transcribe (source-language subtitles), translate (English) or subtitle (both; default)' },
    sourceLanguage: { type: 'string', alias: 's', description: 'Spoken language, ISO 639-1 (hi, en, ta…) or auto (default)' },
    targetLanguages: { type: 'string', alias: 't', description: 'Languages to translate into, comma-separated (default en)' },
    start: { type: 'string', description: 'Prepare a clip from here: seconds or HH:MM:SS(.ms)' },
    end: { type: 'string', description: 'Prepare a clip up to here: seconds or HH:MM:SS(.ms)' },
    audioStream: { type: 'string', description: 'Audio stream to use, counting audio streams from 0 (default 0)' },
    backend: { type: 'string', description: 'Speech engine: whisper.cpp (default), faster-whisper, whisperx or mlx' },
    model: { type: 'string', description: 'Whisper model name or ggml file (default: recommended for this machine)' },
    device: { type: 'string', description: 'Device for speech recognition: cpu, cuda or metal (default: recommended)' },
    translator: { type: 'string', description: 'whisper (default), indictrans2 or nllb' },
    vad: { type: 'boolean', description: 'Detect speech before recognising it (default on; --no-vad to skip)' },
    diarize: { type: 'boolean', description: 'Label who speaks (default off)' },
    formats: { type: 'string', description: 'Subtitle formats, comma-separated: srt, vtt (default both)' },
    mux: { type: 'boolean', description: 'Mux the subtitles into copies of the video (default on; --no-mux to skip)' },
    config: { type: 'string', description: 'Config file to use instead of bollyx.config.yaml in the workspace' },
    workspace: { type: 'string', description: 'Folder for jobs (default: BOLLYX_WORKSPACE or ./bollyx-work)' },
    copy: { type: 'boolean', description: 'Copy the media into the job instead of hard-linking it' },
    explain: { type: 'boolean', description: 'Show every config value and where it came from' },
    json: { type: 'boolean', description: 'Print the job (id, dir, config, provenance, media) as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const workspace = resolveWorkspace({ workspace: args.workspace, env: process.env });
        const flags = Object.fromEntries(
          Object.entries(CONFIG_FLAGS).map(([flag, path]) => [path, args[flag as keyof typeof CONFIG_FLAGS]]),
        );
        const progress = mediaProgress(!args.json && process.stderr.isTTY === true);
        try {
          const job = await prepareJob(args.media, {
            workspace,
            configFile: args.config,
            recommendation: (await detectMachine(workspace, signal)).recommendation,
            flags,
            env: process.env,
            copy: args.copy,
            signal,
            onProgress: (event) => {
              if (event.step === 'media') progress.update(event.fraction);
            },
          });
          progress.end();
          if (args.json) {
            const { id, dir, config, provenance, source, media } = job;
            process.stdout.write(`${JSON.stringify({ ok: true, id, dir, config, provenance, source, media })}\n`);
            return;
          }
          process.stdout.write(renderJob(job, 'Prepared job'));
          if (args.explain) process.stdout.write(renderConfigSources(job));
        } finally {
          progress.end();
        }
      }),
    ),
});
