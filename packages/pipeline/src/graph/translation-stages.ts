import { scriptOfLanguage } from '@bollyx/names';
import { translateResultSchema } from '@bollyx/python-stages';
import { inProcess } from '@bollyx/stage-runner';
import { speechTimelineSchema } from '../stages/asr/speech-timeline';
import { transcriptSchema, type Transcript, type TranscriptSegment } from '../stages/asr/transcript';
import { protectNames, restoreNames } from '../stages/names/protect-names';
import { assignSpeakers } from '../stages/speakers/assign-speakers';
import { spreadTranslations } from '../stages/translate/spread-translations';
import type { SourceSegment } from '../stages/translate/translator';
import { whisperTranslator } from '../stages/translate/whisper-translator';
import type { StageContext, StageDefinition } from '@bollyx/stage-runner';
import { readHeard } from './heard-segments';
import { glossaryNeeds, readGlossaryNeed } from './glossary-need';
import { readJson, writeJson } from './json-file';
import { fixNames, nameFixShape } from './name-fix';
import { llmTranslationStages } from './llm-translation-stages';
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
 * The transcript's texts as a text translator gets them: the glossary's names (when names are on) as
 * placeholders, each with the names to put back in the target's script. The same in both stages that
 * call it, so the translation stage restores what the translate stage protected.
 */
async function protectedTexts(ctx: StageContext, transcript: Transcript, target: string) {
  const texts = transcript.segments.map(textOf);
  const glossary = await readGlossaryNeed(ctx);
  if (glossary === undefined) return texts.map((text) => ({ text, names: [] }));
  return protectNames(texts, glossary, { source: scriptOfLanguage(transcript.language), target: scriptOfLanguage(target) });
}

/** translate: Whisper's translate task (English only), whisper.cpp's or the Python ASR backend's in the same script. */
export function whisperTranslateStage(options: ResolvedSubtitlePipelineOptions, backends: PipelineBackends): StageDefinition {
  return backends.asr === undefined
    ? whisperCppStage(options, 'translate', LAYOUT.whisperTranslation, true)
    : pythonAsrStage(options, backends.asr, 'translate', LAYOUT.asrTranslation, 'translate');
}

/**
 * translate → translation with Whisper's translate task (English only): its English words go to the
 * source segments they overlap.
 */
function whisperTranslationStages(options: ResolvedSubtitlePipelineOptions, backends: PipelineBackends, translated: string[]): StageDefinition[] {
  const { config } = options;
  // With no transcript, the translation is aligned to the speech VAD found (and speakers come from diarization).
  const sourceStage = backends.transcribes ? 'transcript' : 'vad';
  const speakersFromTurns = backends.diarize && !backends.transcribes;
  // Whisper's English gets the glossary's Latin spellings of the names it heard nearly right.
  const nameFix = nameFixShape(config, translated);
  return [
    whisperTranslateStage(options, backends),
    {
      id: 'translation',
      version: '1',
      needs: ['translate', 'speech-audio', sourceStage, ...(speakersFromTurns ? ['diarize'] : []), ...nameFix.needs],
      params: { targets: translated },
      outputs: [...translated.map((language) => LAYOUT.transcript(language)), ...nameFix.outputs],
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
          const heardSegments = await translator.translate(source, {
            source: config.sourceLanguage,
            target,
            signal: ctx.signal,
            onProgress: (fraction) => ctx.progress((index + fraction) / translated.length),
          });
          const segments = await fixNames(ctx, config, heardSegments, { language: target, label: target });
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
  const nameFix = nameFixShape(config, translated);
  const translations = translated.map((target) =>
    pythonStage(options, {
      id: textTranslationStageId(target),
      ...TEXT_TRANSLATORS[translator],
      backend: translator,
      // The glossary's names go to the translator as placeholders (see protectedTexts).
      needs: ['transcript', ...glossaryNeeds(config)],
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
          texts: (await protectedTexts(ctx, transcript, target)).map(({ text }) => text),
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
      needs: ['transcript', ...translated.map(textTranslationStageId), ...glossaryNeeds(config)],
      params: { targets: translated },
      outputs: [...translated.map((language) => LAYOUT.transcript(language)), ...nameFix.outputs],
      backend: translator,
      run: inProcess(async (ctx) => {
        const transcript = await readJson(ctx.needs.transcript![0]!, transcriptSchema);
        const source = transcript.segments;
        for (const target of translated) {
          const { texts } = await readJson(ctx.needs[textTranslationStageId(target)]![0]!, translateResultSchema);
          const sent = await protectedTexts(ctx, transcript, target);
          const restored = texts.map((text, index) => restoreNames(text, sent[index]?.names ?? []));
          const lost = restored.reduce((sum, { lost: dropped }) => sum + dropped, 0);
          if (lost > 0) ctx.log(`${target}: the translator dropped ${lost} of the names it was given`);
          const translatedSegments = spreadTranslations(source, restored.map(({ text }) => text), { backend: translator, target });
          const segments = await fixNames(ctx, config, translatedSegments, { language: target, label: target });
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
  if (backends.llm) {
    const whisper = options.config.translation.llm.fallback === 'whisper' ? whisperTranslateStage(options, backends) : undefined;
    return llmTranslationStages(options, translated, { whisper, python: backends.textTranslator });
  }
  return backends.textTranslator === undefined
    ? whisperTranslationStages(options, backends, translated)
    : textTranslationStages(options, backends.textTranslator, translated);
}
