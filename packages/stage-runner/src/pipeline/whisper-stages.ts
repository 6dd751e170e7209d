import { parseWhisperProgress, readWhisperOutput, whisperCliArgs } from '@bollyx/environment-manager';
import { toTranscript, transcriptSchema } from '../stages/asr/transcript';
import { whisperSegments } from '../stages/asr/whisper-words';
import { TranslateBackendUnavailableError } from '../stages/translate/translate-errors';
import { whisperTranslator } from '../stages/translate/whisper-translator';
import type { SourceSegment } from '../stages/translate/translator';
import { binary } from '../executors/binary';
import { inProcess } from '../executors/in-process';
import type { StageContext } from '../executors/executor';
import type { StageDefinition } from '../stage-definition';
import { readJson, writeJson } from './json-file';
import { LAYOUT, pipelineLanguages } from './pipeline-layout';
import { speechSpansFileSchema, speechTimelineSchema } from './stage-files';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

/** whisper.cpp's default beam width, used when the config sets none. */
const DEFAULT_BEAM_SIZE = 5;

/**
 * How whisper-cli decodes. Beam size 1 means greedy and single-pass (best-of 1, no temperature fallback):
 * the fast setting. `maxContext: 0` feeds no earlier text back, so a hallucination cannot carry across
 * the silences between speech chunks.
 */
function decoding(options: ResolvedSubtitlePipelineOptions) {
  const beamSize = options.config.asr.beamSize ?? DEFAULT_BEAM_SIZE;
  const greedy = beamSize === 1;
  return { beamSize, bestOf: greedy ? 1 : 5, noFallback: greedy, maxContext: 0 };
}

/** A whisper-cli run over the condensed speech, as a binary stage that writes `output` (JSON with token times). */
function whisperStage(options: ResolvedSubtitlePipelineOptions, id: string, output: string, translate: boolean): StageDefinition {
  const { whisperCli, config } = options;
  const decode = decoding(options);
  return {
    id,
    version: '1',
    needs: ['speech-audio'],
    inputs: [options.asrModelPath, whisperCli.binary],
    params: { language: config.sourceLanguage, translate, ...decode },
    outputs: [output],
    device: { preferred: whisperCli.backend, fallback: whisperCli.backend === 'cpu' ? [] : ['cpu'] },
    backend: 'whisper.cpp',
    toolVersions: { 'whisper.cpp': whisperCli.version },
    run: binary({
      command: whisperCli.binary,
      args: (ctx: StageContext) =>
        whisperCliArgs({
          model: ctx.inputs[0]!,
          input: ctx.needs['speech-audio']![0]!,
          // whisper-cli appends `.json` to the prefix.
          outputPrefix: ctx.output(output).replace(/\.json$/, ''),
          threads: options.threads,
          language: config.sourceLanguage,
          translate,
          ...decode,
          useGpu: ctx.device !== 'cpu',
        }),
      parseProgress: (line) => {
        const percent = parseWhisperProgress(line);
        return percent === null ? undefined : { fraction: percent / 100 };
      },
    }),
  };
}

/** asr → transcript, translate → translation: Whisper's two tasks and their words put back on the movie's timeline. */
export function whisperStages(options: ResolvedSubtitlePipelineOptions): StageDefinition[] {
  const { config } = options;
  const { transcribed, translated } = pipelineLanguages(config);
  const stages: StageDefinition[] = [];
  if (transcribed !== undefined) {
    stages.push(whisperStage(options, 'asr', LAYOUT.whisperTranscription, false), {
      id: 'transcript',
      version: '1',
      needs: ['asr', 'speech-audio'],
      outputs: [LAYOUT.transcript(transcribed)],
      run: inProcess(async (ctx) => {
        const heard = await readWhisperOutput(ctx.needs.asr![0]!);
        const timeline = await readJson(ctx.needs['speech-audio']![1]!, speechTimelineSchema);
        const language = config.sourceLanguage === 'auto' ? heard.result.language : config.sourceLanguage;
        const transcript = toTranscript(whisperSegments(heard), timeline, language);
        ctx.log(`${transcript.segments.length} segments in ${language}`);
        await writeJson(ctx.output(LAYOUT.transcript(transcribed)), transcript);
      }),
    });
  }
  if (translated.length > 0) {
    if (config.translation.backend !== 'whisper') throw new TranslateBackendUnavailableError(config.translation.backend);
    const sourceStage = transcribed === undefined ? 'vad' : 'transcript';
    stages.push(whisperStage(options, 'translate', LAYOUT.whisperTranslation, true), {
      id: 'translation',
      version: '1',
      needs: ['translate', 'speech-audio', sourceStage],
      params: { targets: translated },
      outputs: translated.map((language) => LAYOUT.transcript(language)),
      backend: 'whisper',
      run: inProcess(async (ctx) => {
        const timeline = await readJson(ctx.needs['speech-audio']![1]!, speechTimelineSchema);
        const translator = whisperTranslator({ heard: whisperSegments(await readWhisperOutput(ctx.needs.translate![0]!)), timeline });
        // With no transcript, the translation is aligned to the speech VAD found.
        const source: SourceSegment[] =
          transcribed === undefined
            ? (await readJson(ctx.needs.vad![0]!, speechSpansFileSchema)).segments.map((span) => ({ ...span, words: [] }))
            : (await readJson(ctx.needs.transcript![0]!, transcriptSchema)).segments;
        for (const [index, target] of translated.entries()) {
          const segments = await translator.translate(source, {
            source: config.sourceLanguage,
            target,
            signal: ctx.signal,
            onProgress: (fraction) => ctx.progress((index + fraction) / translated.length),
          });
          await writeJson(ctx.output(LAYOUT.transcript(target)), { language: target, segments });
        }
      }),
    });
  }
  return stages;
}
