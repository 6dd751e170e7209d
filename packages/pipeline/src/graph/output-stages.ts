import { stat } from 'node:fs/promises';
import { transcriptSchema } from '../stages/asr/transcript';
import { LanguageSchema } from '@bollyx/job-config';
import { runFfmpeg } from '../stages/demux/run-ffmpeg';
import { muxSubtitles } from '../stages/mux/mux-subtitles';
import type { SubtitleTrack } from '../stages/mux/mux-subtitles';
import { MuxFailedError } from '../stages/mux/mux-errors';
import { subtitlePreset } from '../stages/subtitles/subtitle-preset';
import { writeSubtitleFiles } from '../stages/subtitles/write-subtitle-files';
import { inProcess, PipelineDefinitionError } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import type { SubtitleFormat } from '@bollyx/job-config';
import { shotsFileSchema } from '../stages/shots/shots-file';
import { burnInStage } from './burn-in-stage';
import { readJson } from './json-file';
import { LAYOUT, mediaStem, pipelineLanguages, ROMANIZED_HINDI, subtitleLanguages, writesRomanized } from './pipeline-layout';
import { romanizeStage } from './romanize-stage';
import { shotsStage } from './shots-stage';
import { speechSpansFileSchema } from './stage-files';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

// Made on first use: the first Intl object loads ICU data, tens of ms of every `bollyx` start.
let languageNames: Intl.DisplayNames | undefined;
const languageName = (code: string) => (languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' })).of(code);

/** A track's title in the players' menus: the language's English name, and Hindi (Romanized) for hi-Latn. */
const trackTitle = (label: string, code: string) => (label === ROMANIZED_HINDI ? 'Hindi (Romanized)' : (languageName(code) ?? code));

/** The stage that wrote a language's transcript. */
const transcriptStage = (language: string, transcribed: string | undefined) =>
  language === ROMANIZED_HINDI ? 'romanize' : language === transcribed ? 'transcript' : 'translation';

/**
 * (shots) → (romanize) → subtitles → mux → (burn-in): cues per language by its preset, timed to the
 * video's shot changes and frame rate when it has video, then copies of the video with one track per
 * language, and one with a language's subtitles drawn in.
 */
export function outputStages(options: ResolvedSubtitlePipelineOptions): StageDefinition[] {
  const { config } = options;
  const { transcribed, translated } = pipelineLanguages(config);
  const languages = subtitleLanguages(config);
  const romanized = writesRomanized(config);
  const textStages = [...(transcribed === undefined ? [] : ['transcript']), ...(translated.length > 0 ? ['translation'] : []), ...(romanized ? ['romanize'] : [])];
  const { mux, burnIn } = config.output;
  const burns = burnIn !== undefined && options.hasVideo;
  if (burns && !languages.includes(burnIn)) {
    throw new PipelineDefinitionError(`output.burnIn is ${burnIn}, but the job writes subtitles in ${languages.join(', ')} only`, `Pass --burn-in with one of ${languages.join(', ')}`);
  }
  // The mux reads SRT and the burn-in ASS, so they are written even when only other formats were asked for.
  const formats = [...new Set([...config.output.formats, ...(mux.enabled ? (['srt'] as const) : []), ...(burns ? (['ass'] as const) : [])])];
  const transcriptOf = (needs: Readonly<Record<string, readonly string[]>>, language: string) =>
    needs[transcriptStage(language, transcribed)]!.find((file) => file.endsWith(`/${LAYOUT.transcript(language)}`))!;

  const shots = options.hasVideo ? ['shots'] : [];
  const stages: StageDefinition[] = [
    ...(options.hasVideo ? [shotsStage(options.mediaPath)] : []),
    ...(romanized ? [romanizeStage()] : []),
    {
      id: 'subtitles',
      // 2: Hindi reads at 22 characters a second (was 17), cues are timed to shot changes, TTML and ASS.
      // 3: shot timing puts every time on a frame and never shortens a cue below its reading time.
      version: '3',
      needs: ['vad', ...textStages, ...shots],
      params: {
        preset: config.subtitles.preset,
        overrides: options.presetOverrides,
        frameRate: options.frameRate ?? null,
        formats,
        // Only with speakers does the style change a cue; without, the key stays as it always was.
        ...(config.diarization.enabled ? { speakerStyle: config.subtitles.speakerStyle, voiceSpans: config.subtitles.voiceSpans } : {}),
      },
      outputs: languages.flatMap((language) => formats.map((format) => LAYOUT.subtitles(language, format))),
      backend: '@bollyx/subtitles',
      run: inProcess(async (ctx) => {
        const speech = (await readJson(ctx.needs.vad![0]!, speechSpansFileSchema)).segments;
        // The video's own frame rate beats the preset's 24 fps; cues are timed to its shot changes.
        const video = options.hasVideo ? await readJson(ctx.needs.shots![0]!, shotsFileSchema) : undefined;
        const frameRate = options.frameRate ?? video?.frameRate;
        for (const language of languages) {
          ctx.signal.throwIfAborted();
          const transcript = await readJson(transcriptOf(ctx.needs, language), transcriptSchema);
          const preset = subtitlePreset(config.subtitles.preset, transcript.language, options.presetOverrides);
          const written = (format: SubtitleFormat) => (formats.includes(format) ? ctx.output(LAYOUT.subtitles(language, format)) : undefined);
          const cues = await writeSubtitleFiles({
            segments: transcript.segments,
            preset,
            speech,
            speakerStyle: config.subtitles.speakerStyle,
            ...(frameRate === undefined ? {} : { frameRate }),
            ...(video === undefined ? {} : { shotChanges: video.cuts.map((cut) => cut.time) }),
            voiceSpans: config.subtitles.voiceSpans,
            // `source` (sourceLanguage auto) is a file label, not a language: TTML and ASS need the detected one.
            language: language === 'source' ? transcript.language : language,
            srt: written('srt'),
            vtt: written('vtt'),
            ttml: written('ttml'),
            ass: written('ass'),
          });
          ctx.log(`${language}: ${cues} cues by ${preset.name}${frameRate === undefined ? '' : ` at ${Number(frameRate.toFixed(3))} fps`}`);
        }
        ctx.progress(1);
      }),
    },
  ];
  if (burns) stages.push(burnInStage(options, burnIn));
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
        tracks.push({ path: srt, language: code.data, title: trackTitle(language, code.data) });
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
