import { detectShots } from '@bollyx/pipeline/stages';
import { getPreset, lintCues, presets, readSubtitleFile, SubtitleLintError, SubtitlesInputError } from '@bollyx/subtitles';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { readShotChanges } from './read-shot-changes';
import { renderLintReport } from './render-lint-report';

/** The shot changes to lint against: from a file, or found in the video (ffmpeg scdet), or none. */
async function shotChangesOf(args: { shots?: string; media?: string; json?: boolean }, signal: AbortSignal) {
  if (args.shots !== undefined && args.media !== undefined) {
    throw new SubtitlesInputError('Pass --shots or --media, not both', 'Give the shot changes as a file (--shots video/shots.json) or let bollyx find them (--media film.mp4)');
  }
  if (args.shots !== undefined) return readShotChanges(args.shots);
  if (args.media === undefined) return undefined;
  if (!args.json) process.stderr.write(`finding the shot changes in ${args.media}…\n`);
  const shots = await detectShots({ input: args.media, signal });
  return { shotChanges: shots.cuts.map((cut) => cut.time), frameRate: shots.frameRate };
}

export default defineCommand({
  meta: {
    name: 'lint',
    description: 'Netflix-style QC of an .srt, .vtt, .ttml or .ass file: every cue that breaks a style preset, its timing to shot changes and text rules',
  },
  args: {
    file: { type: 'positional', description: 'The subtitle file to check (.srt, .vtt, .ttml, .ass)', required: true },
    preset: { type: 'string', description: `Style preset: ${Object.keys(presets).join(', ')}`, default: 'netflix-en' },
    'frame-rate': { type: 'string', description: 'Frame rate of the video, for the gaps and shot-change rules in frames (default: the shots’, else the preset’s)' },
    shots: { type: 'string', description: 'Shot changes to time the cues against: a job’s video/shots.json, or seconds one a line' },
    media: { type: 'string', description: 'The video: the cues are checked against its shot changes (found with ffmpeg) at its frame rate' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const preset = getPreset(args.preset);
        const { format, cues } = await readSubtitleFile(args.file, { signal });
        const shots = await shotChangesOf(args, signal);
        const frameRate = args['frame-rate'] === undefined ? shots?.frameRate : Number(args['frame-rate']);
        const violations = lintCues(cues, preset, {
          ...(frameRate === undefined ? {} : { frameRate }),
          ...(shots === undefined ? {} : { shotChanges: shots.shotChanges }),
        });
        if (!args.json) process.stdout.write(renderLintReport(args.file, format, preset, cues.length, violations));
        if (violations.length > 0) throw new SubtitleLintError(args.file, preset.name, cues.length, violations);
        if (args.json) {
          const report = {
            ok: true,
            file: args.file,
            format,
            preset: preset.name,
            cueCount: cues.length,
            ...(shots === undefined ? {} : { shotChanges: shots.shotChanges.length }),
            violations,
          };
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        }
      }),
    ),
});
