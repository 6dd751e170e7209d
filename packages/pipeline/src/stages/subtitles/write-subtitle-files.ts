import { writeFile } from 'node:fs/promises';
import { segmentCues, toSrt, toVtt } from '@bollyx/subtitles';
import type { Preset, SpeakerStyle, SpeechRegion } from '@bollyx/subtitles';
import type { TranscriptSegment } from '../asr/transcript';

export interface WriteSubtitleFilesOptions {
  segments: readonly TranscriptSegment[];
  preset: Preset;
  /** VAD speech regions: cues stay inside them. */
  speech: readonly SpeechRegion[];
  /** The video's frame rate (sets the minimum gap); the preset's when absent. */
  frameRate?: number;
  /** How segments with a `speaker` show it: `label` (`[Speaker 1] …`) or `dash` (default). */
  speakerStyle?: SpeakerStyle;
  /** Where to write the SRT file, if wanted. */
  srt?: string;
  /** Where to write the WebVTT file, if wanted. */
  vtt?: string;
}

/**
 * Subtitles stage: cuts the segments' words into cues by the preset's rules and writes them as SRT and
 * WebVTT (UTF-8). No segments write valid files with no cues. Returns how many cues there are.
 */
export async function writeSubtitleFiles(options: WriteSubtitleFilesOptions): Promise<number> {
  const cues = segmentCues(options.segments, options.preset, {
    speech: [...options.speech],
    ...(options.frameRate === undefined ? {} : { frameRate: options.frameRate }),
    ...(options.speakerStyle === undefined ? {} : { speakerStyle: options.speakerStyle }),
  });
  if (options.srt !== undefined) await writeFile(options.srt, toSrt(cues), 'utf8');
  if (options.vtt !== undefined) await writeFile(options.vtt, toVtt(cues), 'utf8');
  return cues.length;
}
