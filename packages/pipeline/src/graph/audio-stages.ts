import { LanguageSchema } from '@bollyx/job-config';
import { extractAudio } from '../stages/demux/extract-audio';
import { condenseSpeech } from '../stages/asr/condense-speech';
import { detectSpeech } from '../stages/vad/detect-speech';
import { openPcmWav } from '../stages/vad/pcm-wav';
import { inProcess } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { readJson, writeJson } from './json-file';
import { LAYOUT } from './pipeline-layout';
import { speechSpansFileSchema } from './stage-files';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

/** Silence between speech spans in the condensed audio: Whisper hears a pause, not one run-on sentence. */
const SPEECH_GAP_SECONDS = 0.5;

async function wavSeconds(file: string): Promise<number> {
  const wav = await openPcmWav(file);
  await wav.close();
  return wav.format.frameCount / wav.format.sampleRate;
}

/** demux → vad → speech-audio: the movie's audio, where its speech is, and that speech laid end to end. */
export function audioStages(options: ResolvedSubtitlePipelineOptions): StageDefinition[] {
  const { config } = options;
  const language = LanguageSchema.safeParse(config.sourceLanguage).data;
  const vad = { enabled: config.vad.enabled, threshold: config.vad.threshold, minSpeechMs: config.vad.minSpeechMs, minSilenceMs: config.vad.minSilenceMs, speechPadMs: config.vad.speechPadMs };
  return [
    {
      id: 'demux',
      version: '1',
      inputs: [options.mediaPath],
      params: { audioStream: config.audioStream ?? null, language: language ?? null },
      outputs: [LAYOUT.sourceAudio],
      backend: 'ffmpeg',
      run: inProcess(async (ctx) => {
        await extractAudio({
          input: ctx.inputs[0]!,
          output: ctx.output(LAYOUT.sourceAudio),
          ...(config.audioStream === undefined ? {} : { streamIndex: config.audioStream }),
          ...(language === undefined ? {} : { language }),
          signal: ctx.signal,
          onProgress: (fraction) => ctx.progress(fraction),
        });
      }),
    },
    {
      id: 'vad',
      version: '1',
      needs: ['demux'],
      inputs: vad.enabled ? [options.vadModelPath] : [],
      params: vad,
      outputs: [LAYOUT.speechSpans],
      backend: 'onnxruntime',
      run: inProcess(async (ctx) => {
        const wavPath = ctx.needs.demux![0]!;
        const durationSeconds = await wavSeconds(wavPath);
        // Without VAD the whole film is one span of "speech".
        const segments = vad.enabled
          ? await detectSpeech({ ...vad, wavPath, modelPath: ctx.inputs[0]!, signal: ctx.signal, onProgress: (fraction) => ctx.progress(fraction) })
          : [{ start: 0, end: durationSeconds }];
        ctx.log(`${segments.length} speech segments, ${segments.reduce((sum, s) => sum + s.end - s.start, 0).toFixed(1)} s of ${durationSeconds.toFixed(1)} s`);
        await writeJson(ctx.output(LAYOUT.speechSpans), { durationSeconds, segments });
      }),
    },
    {
      id: 'speech-audio',
      version: '1',
      needs: ['demux', 'vad'],
      params: { gapSeconds: SPEECH_GAP_SECONDS },
      outputs: [LAYOUT.condensedSpeech, LAYOUT.speechTimeline],
      run: inProcess(async (ctx) => {
        const spans = await readJson(ctx.needs.vad![0]!, speechSpansFileSchema);
        const timeline = await condenseSpeech({
          sourceWav: ctx.needs.demux![0]!,
          spans: spans.segments,
          output: ctx.output(LAYOUT.condensedSpeech),
          gapSeconds: SPEECH_GAP_SECONDS,
          signal: ctx.signal,
          onProgress: (fraction) => ctx.progress(fraction),
        });
        await writeJson(ctx.output(LAYOUT.speechTimeline), timeline);
      }),
    },
  ];
}
