import { writeFile } from 'node:fs/promises';
import { segmentCues, timeCuesToShots, writeSubtitles } from '@bollyx/subtitles';
import type { Preset, SpeakerStyle, SpeechRegion, SubtitleFormat } from '@bollyx/subtitles';
import type { TranscriptSegment } from '../asr/transcript';

export interface WriteSubtitleFilesOptions {
  segments: readonly TranscriptSegment[];
  preset: Preset;
  /** VAD speech regions: cues stay inside them. */
  speech: readonly SpeechRegion[];
  /** The video's frame rate (sets the minimum gap and the shot-change rules' frames); the preset's when absent. */
  frameRate?: number;
  /** The video's shot changes in seconds: cues are timed to them by Netflix's rules. */
  shotChanges?: readonly number[];
  /** How segments with a `speaker` show it: `label` (`[Speaker 1] …`) or `dash` (default). */
  speakerStyle?: SpeakerStyle;
  /** Speakers as WebVTT voice spans, TTML agents and ASS names instead of marks in the text. */
  voiceSpans?: boolean;
  /** BCP 47 tag of the text (`hi`, `en`, `hi-Latn`) for TTML's `xml:lang` and the ASS style; the preset's when absent. */
  language?: string;
  /** Where to write each format, if wanted. */
  srt?: string;
  vtt?: string;
  ttml?: string;
  ass?: string;
}

const FORMATS: readonly SubtitleFormat[] = ['srt', 'vtt', 'ttml', 'ass'];

/**
 * Subtitles stage: cuts the segments' words into cues by the preset's rules (breaking at shot changes
 * where the words allow), times them to the shot changes when there are any, and writes each format asked for (UTF-8). No segments write valid files
 * with no cues. Returns how many cues there are.
 */
export async function writeSubtitleFiles(options: WriteSubtitleFilesOptions): Promise<number> {
  const frameRate = options.frameRate ?? options.preset.frameRate;
  const speakerStyle = options.voiceSpans ? 'voice' : options.speakerStyle;
  const segmented = segmentCues(options.segments, options.preset, {
    speech: [...options.speech],
    ...(options.frameRate === undefined ? {} : { frameRate: options.frameRate }),
    ...(speakerStyle === undefined ? {} : { speakerStyle }),
    ...(options.shotChanges === undefined ? {} : { shotChanges: [...options.shotChanges] }),
  });
  const cues =
    options.shotChanges && options.shotChanges.length > 0
      ? timeCuesToShots(segmented, options.shotChanges, {
          frameRate,
          minGapFrames: options.preset.minGapFrames,
          closeGapsUnderFrames: options.preset.closeGapsUnderFrames,
          minDurationSeconds: options.preset.minDurationSeconds,
          maxDurationSeconds: options.preset.maxDurationSeconds,
          maxCharsPerSecond: options.preset.maxCharsPerSecond,
        })
      : segmented;
  const language = options.language ?? options.preset.language;
  for (const format of FORMATS) {
    const file = options[format];
    if (file === undefined) continue;
    await writeFile(file, writeSubtitles(cues, format, { language, frameRate, voices: options.voiceSpans ?? false }), 'utf8');
  }
  return cues.length;
}
