import { stat } from 'node:fs/promises';
import { transcriptSchema } from '../stages/asr/transcript';
import { LanguageSchema } from '@bollyx/job-config';
import { runFfmpeg } from '../stages/demux/run-ffmpeg';
import { muxSubtitles } from '../stages/mux/mux-subtitles';
import type { SubtitleTrack } from '../stages/mux/mux-subtitles';
import { MuxFailedError } from '../stages/mux/mux-errors';
import { subtitlePreset } from '../stages/subtitles/subtitle-preset';
import { writeSubtitleFiles } from '../stages/subtitles/write-subtitle-files';
import { inProcess } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { readJson } from './json-file';
import { LAYOUT, mediaStem, pipelineLanguages } from './pipeline-layout';
import { speechSpansFileSchema } from './stage-files';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

// Made on first use: the first Intl object loads ICU data, tens of ms of every `bollyx` start.
let languageNames: Intl.DisplayNames | undefined;
const languageName = (code: string) => (languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' })).of(code);

/** The stage that wrote a language's transcript. */
const transcriptStage = (language: string, transcribed: string | undefined) => (language === transcribed ? 'transcript' : 'translation');

/** subtitles → mux: cues per language by its preset, then copies of the video with one track per language. */
export function outputStages(options: ResolvedSubtitlePipelineOptions): StageDefinition[] {
  const { config } = options;
  const { transcribed, translated, all: languages } = pipelineLanguages(config);
  const textStages = [...(transcribed === undefined ? [] : ['transcript']), ...(translated.length > 0 ? ['translation'] : [])];
  const mux = config.output.mux;
  // The mux reads SRT, so it is written even when only WebVTT was asked for.
  const formats = [...new Set([...config.output.formats, ...(mux.enabled ? (['srt'] as const) : [])])];
  const transcriptOf = (needs: Readonly<Record<string, readonly string[]>>, language: string) =>
    needs[transcriptStage(language, transcribed)]!.find((file) => file.endsWith(`/${LAYOUT.transcript(language)}`))!;

  const stages: StageDefinition[] = [
    {
      id: 'subtitles',
      version: '1',
      needs: ['vad', ...textStages],
      params: {
        preset: config.subtitles.preset,
        overrides: options.presetOverrides,
        frameRate: options.frameRate ?? null,
        formats,
        // Only with speakers does the style change a cue; without, the key stays as it always was.
        ...(config.diarization.enabled ? { speakerStyle: config.subtitles.speakerStyle } : {}),
      },
      outputs: languages.flatMap((language) => formats.map((format) => LAYOUT.subtitles(language, format))),
      backend: '@bollyx/subtitles',
      run: inProcess(async (ctx) => {
        const speech = (await readJson(ctx.needs.vad![0]!, speechSpansFileSchema)).segments;
        for (const language of languages) {
          ctx.signal.throwIfAborted();
          const transcript = await readJson(transcriptOf(ctx.needs, language), transcriptSchema);
          const preset = subtitlePreset(config.subtitles.preset, transcript.language, options.presetOverrides);
          const written = (format: 'srt' | 'vtt') => (formats.includes(format) ? ctx.output(LAYOUT.subtitles(language, format)) : undefined);
          const cues = await writeSubtitleFiles({
            segments: transcript.segments,
            preset,
            speech,
            speakerStyle: config.subtitles.speakerStyle,
            ...(options.frameRate === undefined ? {} : { frameRate: options.frameRate }),
            srt: written('srt'),
            vtt: written('vtt'),
          });
          ctx.log(`${language}: ${cues} cues by ${preset.name}`);
        }
        ctx.progress(1);
      }),
    },
  ];
  if (!mux.enabled) return stages;

  const stem = mediaStem(options.mediaPath);
  stages.push({
    id: 'mux',
    version: '1',
    needs: ['subtitles', ...textStages],
    inputs: [options.mediaPath],
    params: { containers: mux.containers },
    outputs: mux.containers.map((container) => LAYOUT.video(stem, container)),
    backend: 'ffmpeg',
    run: inProcess(async (ctx) => {
      const tracks: SubtitleTrack[] = [];
      for (const language of languages) {
        const srt = ctx.needs.subtitles!.find((file) => file.endsWith(`/${LAYOUT.subtitles(language, 'srt')}`))!;
        const { language: spoken } = await readJson(transcriptOf(ctx.needs, language), transcriptSchema);
        const code = LanguageSchema.safeParse(spoken);
        // An empty SRT (no speech) or a language with no ISO 639-1 code makes no track.
        if ((await stat(srt)).size === 0 || !code.success) {
          ctx.log(`${language}: no subtitle track (${code.success ? 'no cues' : `no ISO 639-1 code for "${spoken}"`})`);
          continue;
        }
        tracks.push({ path: srt, language: code.data, title: languageName(code.data) ?? code.data });
      }
      for (const [index, container] of mux.containers.entries()) {
        const output = ctx.output(LAYOUT.video(stem, container));
        const onProgress = (fraction: number) => ctx.progress((index + fraction) / mux.containers.length);
        if (tracks.length > 0) {
          await muxSubtitles({ video: ctx.inputs[0]!, tracks, output, signal: ctx.signal, onProgress });
          continue;
        }
        ctx.log(`${container}: no cues in any language, the copy has no subtitle track`);
        await runFfmpeg({
          args: ['-i', `file:${ctx.inputs[0]!}`, '-map', '0:v?', '-map', '0:a?', '-c', 'copy', '-f', container === 'mkv' ? 'matroska' : 'mp4', `file:${output}`],
          duration: undefined,
          signal: ctx.signal,
          onProgress,
          fail: (reason, cause) => new MuxFailedError(ctx.inputs[0]!, reason, cause),
        });
      }
    }),
  });
  return stages;
}
