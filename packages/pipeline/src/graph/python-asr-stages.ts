import { asrPrompt } from '@bollyx/names';
import type { StageDefinition } from '@bollyx/stage-runner';
import { glossaryNeeds, readGlossaryNeed } from './glossary-need';
import { readHeard, type HeardFormat } from './heard-segments';
import { LAYOUT } from './pipeline-layout';
import { ALIGN_BACKEND, PYTHON_ASR_BACKENDS, type PipelineBackends } from './python-backends';
import { pythonStage } from './python-stage';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';
import { DEFAULT_BEAM_SIZE } from './whisper-stages';

/** WhisperX's usual batch when the config and the recommendation set none. */
const DEFAULT_BATCH_SIZE = 8;

/**
 * A Python ASR backend over the condensed speech, as a python stage writing the contract's asr result:
 * Whisper's transcribe task, or its translate task (into English) in the same script.
 */
export function pythonAsrStage(
  options: ResolvedSubtitlePipelineOptions,
  backend: NonNullable<PipelineBackends['asr']>,
  id: string,
  output: string,
  task: 'transcribe' | 'translate',
): StageDefinition {
  const { asr, sourceLanguage } = options.config;
  const language = sourceLanguage === 'auto' ? null : sourceLanguage;
  const decode = { beamSize: asr.beamSize ?? DEFAULT_BEAM_SIZE, batchSize: asr.batchSize ?? DEFAULT_BATCH_SIZE };
  const { family, script } = PYTHON_ASR_BACKENDS[backend];
  return pythonStage(options, {
    id,
    family,
    script,
    backend,
    // The glossary's names are the prompt (the translate task writes English: their Latin forms); each
    // library cuts a prompt to Whisper's budget itself, and asrPrompt keeps under it by bytes.
    needs: ['speech-audio', ...glossaryNeeds(options.config)],
    params: { language, task, ...decode },
    output,
    device: asr.device,
    computeType: asr.computeType,
    threads: asr.threads,
    request: async (ctx) => {
      const glossary = await readGlossaryNeed(ctx);
      const prompt = glossary === undefined ? '' : asrPrompt(glossary, { language: task === 'translate' ? 'en' : (language ?? 'auto') });
      return {
        audio: ctx.needs['speech-audio']![0]!,
        language,
        task,
        ...decode,
        ...(prompt === '' ? {} : { prompt }),
      };
    },
  });
}

/**
 * WhisperX forced alignment of what the asr stage heard, over the same condensed speech: better word
 * times, in the asr result's shape. Any ASR backend's result can be aligned.
 */
export function alignStage(options: ResolvedSubtitlePipelineOptions, asrFormat: HeardFormat): StageDefinition {
  const { asr, sourceLanguage } = options.config;
  return pythonStage(options, {
    id: 'align',
    ...ALIGN_BACKEND,
    backend: 'whisperx',
    needs: ['asr', 'speech-audio'],
    params: { language: sourceLanguage },
    output: LAYOUT.aligned,
    device: asr.device,
    threads: asr.threads,
    request: async (ctx) => {
      const heard = await readHeard(ctx.needs.asr![0]!, asrFormat);
      return {
        audio: ctx.needs['speech-audio']![0]!,
        language: sourceLanguage,
        segments: heard.segments.map(({ start, end, text }) => ({ start, end, text })),
      };
    },
  });
}
