import { readFile } from 'node:fs/promises';
import { parseWhisperProgress, promptMaxContext, whisperCliArgs, whisperTokenCounter } from '@bollyx/environment-manager';
import { asrPrompt } from '@bollyx/names';
import { binary, StageOutputInvalidError } from '@bollyx/stage-runner';
import type { StageContext } from '@bollyx/stage-runner';
import { PipelineDefinitionError } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { glossaryNeeds, readGlossaryNeedSync } from './glossary-need';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

/** whisper.cpp's default beam width, used when the config sets none. */
export const DEFAULT_BEAM_SIZE = 5;

/**
 * How whisper-cli decodes. Beam size 1 means greedy and single-pass (best-of 1, no temperature fallback):
 * the fast setting. `maxContext: 0` feeds no earlier text back, so a hallucination cannot carry across
 * the silences between speech chunks (with a glossary prompt, promptArgs sizes it to the prompt alone).
 */
function decoding(options: ResolvedSubtitlePipelineOptions) {
  const beamSize = options.config.asr.beamSize ?? DEFAULT_BEAM_SIZE;
  const greedy = beamSize === 1;
  return { beamSize, bestOf: greedy ? 1 : 5, noFallback: greedy, maxContext: 0 };
}

/**
 * The glossary's names as whisper-cli's prompt, carried into every window: counted with the model's own
 * tokenizer so `--max-context` holds the prompt and no decoded text (see promptMaxContext). The translate
 * task writes English, so it is prompted with the Latin forms. No names, no prompt: max-context stays 0.
 * `ctx` has this machine's paths (the host's, when whisper-cli runs in a container).
 */
function promptArgs(ctx: StageContext, language: string) {
  const glossary = readGlossaryNeedSync(ctx);
  const model = ctx.inputs[0]!;
  if (glossary === undefined) return {};
  const countTokens = whisperTokenCounter(model);
  const prompt = asrPrompt(glossary, { language, countTokens });
  if (prompt === '') return {};
  return { prompt, carryInitialPrompt: true, maxContext: promptMaxContext(countTokens(prompt)) };
}

/**
 * A whisper-cli run over the condensed speech, as a binary stage that writes `output` (JSON with token
 * times): Whisper's transcribe task, or its translate task (into English).
 */
export function whisperCppStage(options: ResolvedSubtitlePipelineOptions, id: string, output: string, translate: boolean): StageDefinition {
  const { whisperCli, asrModelPath, config } = options;
  if (whisperCli === undefined || asrModelPath === undefined) {
    throw new PipelineDefinitionError(
      `Stage ${id} runs whisper.cpp, but no whisperCli and asrModelPath were given`,
      'Pass whisperCli (ensureWhisperEngine()) and asrModelPath (pullModel(asr.model)), or choose a Python ASR backend',
    );
  }
  const decode = decoding(options);
  return {
    id,
    version: '1',
    // The glossary (when names are on) is the prompt: an edited glossary runs ASR again.
    needs: ['speech-audio', ...glossaryNeeds(config)],
    inputs: [asrModelPath],
    // The engine by its whisper.cpp version, not its path (another machine keeps it elsewhere) nor its bytes
    // (rebuilding it must not send every job's ASR round again); its backend is the device, which no key holds.
    // The model is an input: keyed by its content, wherever it lies.
    params: { engine: `whisper.cpp@${whisperCli.version}`, language: config.sourceLanguage, translate, ...decode },
    outputs: [output],
    device: { preferred: whisperCli.backend, fallback: whisperCli.backend === 'cpu' ? [] : ['cpu'] },
    backend: 'whisper.cpp',
    toolVersions: { 'whisper.cpp': whisperCli.version },
    run: binary({
      command: whisperCli.binary,
      args: (ctx: StageContext, host?: StageContext) =>
        whisperCliArgs({
          model: ctx.inputs[0]!,
          input: ctx.needs['speech-audio']![0]!,
          // whisper-cli appends `.json` to the prefix.
          outputPrefix: ctx.output(output).replace(/\.json$/, ''),
          threads: config.asr.threads ?? options.threads,
          language: config.sourceLanguage,
          translate,
          ...decode,
          ...promptArgs(host ?? ctx, translate ? 'en' : config.sourceLanguage),
          useGpu: ctx.device !== 'cpu',
        }),
      parseProgress: (line) => {
        const percent = parseWhisperProgress(line);
        return percent === null ? undefined : { fraction: percent / 100 };
      },
      // whisper-cli ignores a failed write and exits 0: a full disk leaves it an empty or cut JSON file.
      checkOutputs: async (ctx) => {
        const text = await readFile(ctx.output(output), 'utf8');
        try {
          JSON.parse(text);
        } catch {
          throw new StageOutputInvalidError(id, output, `whisper-cli's JSON is ${text.length === 0 ? 'empty' : `cut off after ${text.length} bytes`}`);
        }
      },
    }),
  };
}
