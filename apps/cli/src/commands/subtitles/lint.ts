import { getPreset, lintCues, presets, readSubtitleFile, SubtitleLintError } from '@bollyx/subtitles';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { renderLintReport } from './render-lint-report';

export default defineCommand({
  meta: { name: 'lint', description: 'Report every cue of an .srt or .vtt file that breaks a subtitle style preset' },
  args: {
    file: { type: 'positional', description: 'The .srt or .vtt file to check', required: true },
    preset: { type: 'string', description: `Style preset: ${Object.keys(presets).join(', ')}`, default: 'netflix-en' },
    'frame-rate': { type: 'string', description: 'Frame rate of the video, for the minimum gap in frames (default: the preset’s)' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const preset = getPreset(args.preset);
      const { format, cues } = await readSubtitleFile(args.file);
      const frameRate = args['frame-rate'];
      const violations = lintCues(cues, preset, frameRate === undefined ? {} : { frameRate: Number(frameRate) });
      if (!args.json) process.stdout.write(renderLintReport(args.file, format, preset, cues.length, violations));
      if (violations.length > 0) throw new SubtitleLintError(args.file, preset.name, cues.length, violations);
      if (args.json) {
        const report = { ok: true, file: args.file, format, preset: preset.name, cueCount: cues.length, violations };
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      }
    }),
});
