import { readWhisperOutput } from '@bollyx/environment-manager';
import { asrResultSchema } from '@bollyx/python-stages';
import { whisperSegments, type TimedSegment } from '../stages/asr/whisper-words';
import { readJson } from './json-file';

/** Who wrote a recognition result: whisper-cli's `-ojf` JSON, or a Python script's asr/align result. */
export type HeardFormat = 'whisper-cli' | 'stage-script';

/** What ASR heard, in seconds of the audio it was given, and the language it heard (detected or told). */
export interface Heard {
  language: string;
  segments: TimedSegment[];
}

/** A recognition result as timed segments: whisper-cli's words from its tokens, a script's as it timed them. */
export async function readHeard(file: string, format: HeardFormat): Promise<Heard> {
  if (format === 'whisper-cli') {
    const heard = await readWhisperOutput(file);
    return { language: heard.result.language, segments: whisperSegments(heard) };
  }
  return readJson(file, asrResultSchema);
}
