import { createHash } from 'node:crypto';
import { readSecret } from '@bollyx/environment-manager';
import { translateResultSchema } from '@bollyx/python-stages';
import type { JobConfig } from '@bollyx/job-config';
import { inProcess, type StageContext, type StageDefinition } from '@bollyx/stage-runner';
import { speechTimelineSchema } from '../stages/asr/speech-timeline';
import { transcriptSchema, type TranscriptSegment } from '../stages/asr/transcript';
import { subtitlePreset } from '../stages/subtitles/subtitle-preset';
import { createLlmClient, shownUrl, type LlmEndpoint, type ModelIdentity } from '../stages/translate/llm/llm-client';
import { systemPrompt, translateRequest, reviewPrompt, reviewRequest, type PromptSetting } from '../stages/translate/llm/llm-prompt';
import { llmTextsSchema, type LlmTexts } from '../stages/translate/llm/llm-texts';
import { llmTranslate } from '../stages/translate/llm/llm-translate';
import { spreadTranslations } from '../stages/translate/spread-translations';
import { TranslateResultInvalidError } from '../stages/translate/translate-errors';
import { whisperTranslator } from '../stages/translate/whisper-translator';
import { glossaryNeeds, readGlossaryNeed } from './glossary-need';
import { readHeard } from './heard-segments';
import { readJson, writeJson } from './json-file';
import { fixNames, nameFixShape } from './name-fix';
import { LAYOUT, textTranslationStageId } from './pipeline-layout';
import { TEXT_TRANSLATORS, type TextTranslator } from './python-backends';
import { pythonStage } from './python-stage';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

/** Texts the Python fallback translator is given at once, as the text translators' stages give theirs. */
const FALLBACK_BATCH_SIZE = 16;

/** The stage of the Python fallback for one target: it translates the lines the model failed on. */
const fallbackStageId = (target: string) => `${textTranslationStageId(target)}-fallback`;
const fallbackTexts = (target: string) => `transcripts/${target}.fallback.json`;

/** A transcript segment's text, as the model reads it. */
const textOf = (segment: TranscriptSegment) => segment.words.map((word) => word.text).join(' ');

/** The key never leaves this process but in the Authorization header: not in params, logs, errors or files. */
const readLlmKey = (env: NodeJS.ProcessEnv = process.env) => readSecret('llmKey', ['BOLLYX_LLM_KEY'], { env });

function endpointOf(config: JobConfig, key: string | undefined): LlmEndpoint {
  const { url, model, timeoutMs, maxRetries } = config.translation.llm;
  return { url, model, timeoutMs, maxRetries, ...(key === undefined ? {} : { key }) };
}

/**
 * The endpoint's record of the configured model (GET /models): asked before the pipeline is built, so
 * the translate stages' cache key holds it and a model rebuilt under the same name translates again.
 */
export async function llmModelIdentity(config: JobConfig, signal?: AbortSignal): Promise<ModelIdentity> {
  return createLlmClient(endpointOf(config, await readLlmKey())).modelIdentity(signal);
}

/** The prompts' wording, as a hash: a changed prompt is a changed translation. */
function promptHash(setting: PromptSetting): string {
  const sample = [{ n: 1, text: '…', budget: 42 }];
  const text = [true, false].flatMap((structured) => [systemPrompt(setting, structured), reviewPrompt(setting, structured)]);
  text.push(translateRequest(sample, [{ source: '…', translation: '…' }]), reviewRequest(sample, ['…']));
  return createHash('sha256').update(text.join('\n')).digest('hex').slice(0, 16);
}

/** The fallback translators: Whisper's translate stage, or a Python text translator's (neither: `none`). */
export interface LlmFallbackStages {
  whisper?: StageDefinition | undefined;
  python?: TextTranslator | undefined;
}

/**
 * The fallback's texts of the lines the model failed on: Whisper's translate task over them, their source
 * text (`none`), or, for a Python translator, empty for now: its stage translates them next.
 */
async function fallbackOf(ctx: StageContext, fallback: LlmFallbackStages, source: readonly TranscriptSegment[], target: string) {
  const { whisper, python } = fallback;
  if (python !== undefined) return { name: python, translate: async (indices: readonly number[]) => indices.map(() => '') };
  if (whisper === undefined) return { name: 'none', translate: async (indices: readonly number[]) => indices.map((index) => textOf(source[index]!)) };
  return {
    name: 'whisper',
    translate: async (indices: readonly number[]) => {
      const timeline = await readJson(ctx.needs['speech-audio']![1]!, speechTimelineSchema);
      const heard = await readHeard(ctx.needs.translate![0]!, whisper.outputs?.[0] === LAYOUT.whisperTranslation ? 'whisper-cli' : 'stage-script');
      // Aligned over every segment, so each English word lands where it was said; then the failed ones are taken.
      const aligned = await whisperTranslator({ heard: heard.segments, timeline }).translate(source, { source: 'auto', target, signal: ctx.signal });
      const byTime = new Map(aligned.map((segment) => [`${segment.start}-${segment.end}`, textOf(segment)]));
      return indices.map((index) => byTime.get(`${source[index]!.start}-${source[index]!.end}`) ?? '');
    },
  };
}

/**
 * translate-<target> with a chat model over the transcript's texts (in-process, over HTTP) → translation:
 * each text spread over its source segment's time. With fallback whisper, Whisper's translate task runs
 * too and stands in for the lines the model failed on; with nllb or indictrans2, translate-<target>-fallback
 * translates just those lines (its model loads even when there are none).
 */
export function llmTranslationStages(options: ResolvedSubtitlePipelineOptions, translated: string[], fallback: LlmFallbackStages): StageDefinition[] {
  const { whisper, python } = fallback;
  const { config } = options;
  const llm = config.translation.llm;
  const identity = options.llmModel ?? { id: llm.model };
  const translations = translated.map((target): StageDefinition => {
    const preset = subtitlePreset(config.subtitles.preset, target, options.presetOverrides);
    const style = { maxCharsPerLine: preset.maxCharsPerLine, maxLines: preset.maxLines, maxCharsPerSecond: preset.maxCharsPerSecond };
    const source = config.sourceLanguage;
    return {
      id: textTranslationStageId(target),
      version: '1',
      needs: ['transcript', ...glossaryNeeds(config), ...(whisper === undefined ? [] : ['translate', 'speech-audio'])],
      // The endpoint by its address and model record, never its key: a new key translates nothing again.
      params: {
        target,
        url: shownUrl(llm.url),
        model: llm.model,
        identity: { ...identity },
        prompt: promptHash({ source, target, style }),
        style,
        batchSize: llm.batchSize,
        contextTokens: llm.contextTokens,
        contextLines: llm.contextLines,
        review: llm.review,
        fallback: llm.fallback,
      },
      outputs: [LAYOUT.translatedTexts(target)],
      backend: 'llm',
      run: inProcess(async (ctx) => {
        const transcript = await readJson(ctx.needs.transcript![0]!, transcriptSchema);
        const glossary = await readGlossaryNeed(ctx);
        const client = createLlmClient(endpointOf(config, await readLlmKey()));
        ctx.log(`${shownUrl(llm.url)} model ${llm.model}: ${transcript.segments.length} lines into ${target}`);
        const result = await llmTranslate(
          transcript.segments.map((segment) => ({ text: textOf(segment), duration: segment.end - segment.start })),
          {
            client,
            setting: { source: transcript.language, target, style, ...(glossary === undefined ? {} : { glossary }) },
            batchSize: llm.batchSize,
            contextTokens: llm.contextTokens,
            contextLines: llm.contextLines,
            maxRetries: llm.maxRetries,
            review: llm.review,
            fallback: await fallbackOf(ctx, fallback, transcript.segments, target),
            signal: ctx.signal,
            onProgress: (fraction) => ctx.progress(fraction),
            log: (line) => ctx.log(line),
          },
        );
        const { usage } = client;
        ctx.log(`${usage.requests} requests, ${usage.promptTokens} tokens in, ${usage.completionTokens} out; ${result.fallbacks.length} lines from the fallback`);
        ctx.metrics({
          llmRequests: usage.requests,
          llmPromptTokens: usage.promptTokens,
          llmCompletionTokens: usage.completionTokens,
          llmFallbackLines: result.fallbacks.length,
        });
        const texts: LlmTexts = {
          language: target,
          texts: result.texts,
          model: identity.id,
          fallbacks: result.fallbacks,
          usage: { ...usage },
          overBudget: result.overBudget,
          reviewed: result.reviewed,
          structured: result.structured,
        };
        await writeJson(ctx.output(LAYOUT.translatedTexts(target)), texts);
      }),
    };
  });
  const fallbacks =
    python === undefined
      ? []
      : translated.map((target) =>
          pythonStage(options, {
            id: fallbackStageId(target),
            ...TEXT_TRANSLATORS[python],
            backend: python,
            needs: ['transcript', textTranslationStageId(target)],
            params: { target, batchSize: FALLBACK_BATCH_SIZE },
            output: fallbackTexts(target),
            device: config.translation.device,
            computeType: config.translation.computeType,
            threads: config.translation.threads,
            request: async (ctx) => {
              const transcript = await readJson(ctx.needs.transcript![0]!, transcriptSchema);
              const { fallbacks: failed } = await readJson(ctx.needs[textTranslationStageId(target)]![0]!, llmTextsSchema);
              return {
                source: transcript.language,
                target,
                texts: failed.map(({ line }) => textOf(transcript.segments[line]!)),
                batchSize: FALLBACK_BATCH_SIZE,
              };
            },
          }),
        );
  const nameFix = nameFixShape(config, translated);
  return [
    ...(whisper === undefined ? [] : [whisper]),
    ...translations,
    ...fallbacks,
    {
      id: 'translation',
      version: '1',
      needs: [
        'transcript',
        ...translated.map(textTranslationStageId),
        ...(python === undefined ? [] : translated.map(fallbackStageId)),
        ...nameFix.needs,
      ],
      params: { targets: translated },
      outputs: [...translated.map((language) => LAYOUT.transcript(language)), ...nameFix.outputs],
      backend: 'llm',
      run: inProcess(async (ctx) => {
        const source = (await readJson(ctx.needs.transcript![0]!, transcriptSchema)).segments;
        for (const target of translated) {
          const { texts, fallbacks: failed } = await readJson(ctx.needs[textTranslationStageId(target)]![0]!, llmTextsSchema);
          if (python !== undefined) {
            // The Python translator's texts of the lines the model failed on, in the same order.
            const instead = (await readJson(ctx.needs[fallbackStageId(target)]![0]!, translateResultSchema)).texts;
            if (instead.length !== failed.length) throw new TranslateResultInvalidError(python, target, failed.length, instead.length);
            failed.forEach(({ line }, index) => (texts[line] = instead[index]!));
          }
          // The model was asked to keep the glossary's names; a name it still misspelt is corrected here.
          const segments = await fixNames(ctx, config, spreadTranslations(source, texts, { backend: 'llm', target }), { language: target, label: target });
          ctx.log(`${target}: ${segments.length} of ${source.length} segments translated`);
          await writeJson(ctx.output(LAYOUT.transcript(target)), { language: target, segments });
        }
      }),
    },
  ];
}
