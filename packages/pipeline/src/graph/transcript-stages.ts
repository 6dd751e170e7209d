import { diarizeResultSchema } from '@bollyx/python-stages';
import { inProcess } from '@bollyx/stage-runner';
import { speechTimelineSchema } from '../stages/asr/speech-timeline';
import { toTranscript } from '../stages/asr/transcript';
import { assignSpeakers, type SpeakerTurn } from '../stages/speakers/assign-speakers';
import type { StageDefinition } from '@bollyx/stage-runner';
import { readHeard, type HeardFormat } from './heard-segments';
import { readJson, writeJson } from './json-file';
import { fixNames, nameFixShape } from './name-fix';
import { LAYOUT, pipelineLanguages } from './pipeline-layout';
import { alignStage, pythonAsrStage } from './python-asr-stages';
import type { PipelineBackends } from './python-backends';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';
import { whisperCppStage } from './whisper-stages';

/** Diarization's turns, once the diarize stage wrote them. */
export async function readSpeakerTurns(file: string): Promise<SpeakerTurn[]> {
  return (await readJson(file, diarizeResultSchema)).turns;
}

/**
 * asr (whisper.cpp or a Python backend) → align (optional) → transcript: what was said in the source
 * language, on the movie's timeline, each segment with its speaker when diarization runs, and the
 * glossary's names corrected (names/corrections.<language>.json) unless `names.fix` is off.
 */
export function transcriptStages(options: ResolvedSubtitlePipelineOptions, backends: PipelineBackends): StageDefinition[] {
  if (!backends.transcribes) return [];
  const { config } = options;
  const asrFormat: HeardFormat = backends.asr === undefined ? 'whisper-cli' : 'stage-script';
  const stages = [
    backends.asr === undefined
      ? whisperCppStage(options, 'asr', LAYOUT.whisperTranscription, false)
      : pythonAsrStage(options, backends.asr, 'asr', LAYOUT.asrResult, 'transcribe'),
    ...(backends.align ? [alignStage(options, asrFormat)] : []),
  ];
  const heardStage = backends.align ? 'align' : 'asr';
  const heardFormat: HeardFormat = backends.align ? 'stage-script' : asrFormat;
  const { source } = pipelineLanguages(config);
  const output = LAYOUT.transcript(source);
  const nameFix = nameFixShape(config, [source]);
  stages.push({
    id: 'transcript',
    version: '1',
    needs: [heardStage, 'speech-audio', ...(backends.diarize ? ['diarize'] : []), ...nameFix.needs],
    outputs: [output, ...nameFix.outputs],
    run: inProcess(async (ctx) => {
      const heard = await readHeard(ctx.needs[heardStage]![0]!, heardFormat);
      const timeline = await readJson(ctx.needs['speech-audio']![1]!, speechTimelineSchema);
      const language = config.sourceLanguage === 'auto' ? heard.language : config.sourceLanguage;
      const transcript = toTranscript(heard.segments, timeline, language);
      const spoken = backends.diarize ? assignSpeakers(transcript.segments, await readSpeakerTurns(ctx.needs.diarize![0]!)) : transcript.segments;
      // The glossary's spelling of names Whisper heard nearly right.
      const segments = await fixNames(ctx, config, spoken, { language, label: source });
      ctx.log(`${segments.length} segments in ${language}`);
      await writeJson(ctx.output(output), { ...transcript, segments });
    }),
  });
  return stages;
}
