import { translateResultSchema } from '@bollyx/python-stages';
import { inProcess } from '@bollyx/stage-runner';
import { speechTimelineSchema } from '../stages/asr/speech-timeline';
import { transcriptSchema, type TranscriptSegment } from '../stages/asr/transcript';
import { assignSpeakers } from '../stages/speakers/assign-speakers';
import { spreadTranslations } from '../stages/translate/spread-translations';
import type { SourceSegment } from '../stages/translate/translator';
import { whisperTranslator } from '../stages/translate/whisper-translator';
import type { StageDefinition } from '@bollyx/stage-runner';
import { readHeard } from './heard-segments';
import { readJson, writeJson } from './json-file';
import { LAYOUT, pipelineLanguages, textTranslationStageId } from './pipeline-layout';
import { pythonAsrStage } from './python-asr-stages';
import { TEXT_TRANSLATORS, type PipelineBackends } from './python-backends';
import { pythonStage } from './python-stage';
import { speechSpansFileSchema } from './stage-files';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';
import { readSpeakerTurns } from './transcript-stages';
import { whisperCppStage } from './whisper-stages';

/** Texts a text translator is given at once. */
const TRANSLATE_BATCH_SIZE = 16;

/** A transcript segment's text, as a text translator reads it. */
const textOf = (segment: TranscriptSegment) => segment.words.map((word) => word.text).join(' ');

/**
 * translate → translation with Whisper's translate task (English only): whisper.cpp's, or the Python ASR
 * backend's in the same script; its English words go to the source segments they overlap.
 */
function whisperTranslationStages(options: ResolvedSubtitlePipelineOptions, backends: PipelineBackends, translated: string[]): StageDefinition[] {
  const { config } = options;
  // With no transcript, the translation is aligned to the speech VAD found (and speakers come from diarization).
  const sourceStage = backends.transcribes ? 'transcript' : 'vad';
  const speakersFromTurns = backends.diarize && !backends.transcribes;
  return [
    backends.asr === undefined
      ? whisperCppStage(options, 'translate', LAYOUT.whisperTranslation, true)
      : pythonAsrStage(options, backends.asr, 'translate', LAYOUT.asrTranslation, 'translate'),
    {
      id: 'translation',
      version: '1',
      needs: ['translate', 'speech-audio', sourceStage, ...(speakersFromTurns ? ['diarize'] : [])],
      params: { targets: translated },
      outputs: translated.map((language) => LAYOUT.transcript(language)),
      backend: 'whisper',
      run: inProcess(async (ctx) => {
        const timeline = await readJson(ctx.needs['speech-audio']![1]!, speechTimelineSchema);
        const heard = await readHeard(ctx.needs.translate![0]!, backends.asr === undefined ? 'whisper-cli' : 'stage-script');
        const translator = whisperTranslator({ heard: heard.segments, timeline });
        let source: SourceSegment[] = backends.transcribes
          ? (await readJson(ctx.needs.transcript![0]!, transcriptSchema)).segments
          : (await readJson(ctx.needs.vad![0]!, speechSpansFileSchema)).segments.map((span) => ({ ...span, words: [] }));
        if (speakersFromTurns) source = assignSpeakers(source, await readSpeakerTurns(ctx.needs.diarize![0]!));
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
    },
  ];
}

/**
 * translate-<target> (a Python text translator per target language, over the transcript's texts) →
 * translation: each translated text spread over its source segment's time, with its speaker.
 */
function textTranslationStages(
  options: ResolvedSubtitlePipelineOptions,
  translator: NonNullable<PipelineBackends['textTranslator']>,
  translated: string[],
): StageDefinition[] {
  const { config } = options;
  const translations = translated.map((target) =>
    pythonStage(options, {
      id: textTranslationStageId(target),
      ...TEXT_TRANSLATORS[translator],
      backend: translator,
      needs: ['transcript'],
      params: { target, batchSize: TRANSLATE_BATCH_SIZE },
      output: LAYOUT.translatedTexts(target),
      device: config.translation.device,
      computeType: config.translation.computeType,
      threads: config.translation.threads,
      request: async (ctx) => {
        const transcript = await readJson(ctx.needs.transcript![0]!, transcriptSchema);
        return {
          // The language heard when the source was auto.
          source: transcript.language,
          target,
          texts: transcript.segments.map(textOf),
          batchSize: TRANSLATE_BATCH_SIZE,
        };
      },
    }),
  );
  return [
    ...translations,
    {
      id: 'translation',
      version: '1',
      needs: ['transcript', ...translated.map(textTranslationStageId)],
      params: { targets: translated },
      outputs: translated.map((language) => LAYOUT.transcript(language)),
      backend: translator,
      run: inProcess(async (ctx) => {
        const source = (await readJson(ctx.needs.transcript![0]!, transcriptSchema)).segments;
        for (const target of translated) {
          const { texts } = await readJson(ctx.needs[textTranslationStageId(target)]![0]!, translateResultSchema);
          const segments = spreadTranslations(source, texts, { backend: translator, target });
          ctx.log(`${target}: ${segments.length} of ${source.length} segments translated`);
          await writeJson(ctx.output(LAYOUT.transcript(target)), { language: target, segments });
        }
      }),
    },
  ];
}

/** The stages that write each target language's transcript, by the configured translation backend. */
export function translationStages(options: ResolvedSubtitlePipelineOptions, backends: PipelineBackends): StageDefinition[] {
  const { translated } = pipelineLanguages(options.config);
  if (translated.length === 0) return [];
  return backends.textTranslator === undefined
    ? whisperTranslationStages(options, backends, translated)
    : textTranslationStages(options, backends.textTranslator, translated);
}
