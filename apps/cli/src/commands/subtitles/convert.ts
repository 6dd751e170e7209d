import { convertSubtitleFile } from '@bollyx/subtitles';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';

export default defineCommand({
  meta: {
    name: 'convert',
    description: 'Convert a subtitle file between SRT, WebVTT, TTML and ASS (formats by extension), keeping every cue’s text and times',
  },
  args: {
    input: { type: 'positional', description: 'The file to read (.srt, .vtt, .ttml/.dfxp/.xml, .ass/.ssa)', required: true },
    output: { type: 'positional', description: 'The file to write; its extension picks the format', required: true },
    language: { type: 'string', description: 'Language of the text (hi, en, hi-Latn) for TTML xml:lang and the ASS font (default: from a name such as movie.hi.srt)' },
    'frame-rate': { type: 'string', description: 'Frame rate declared in TTML (default 24)' },
    voices: { type: 'boolean', description: 'WebVTT: write speakers as <v Speaker> voice spans' },
    force: { type: 'boolean', description: 'Replace the output file if it exists' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const result = await convertSubtitleFile(args.input, args.output, {
          signal,
          ...(args.language === undefined ? {} : { language: args.language }),
          ...(args['frame-rate'] === undefined ? {} : { frameRate: Number(args['frame-rate']) }),
          voices: args.voices ?? false,
          force: args.force ?? false,
        });
        if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, input: args.input, output: args.output, ...result })}\n`);
        else process.stdout.write(`${args.output}: ${result.cues} ${result.cues === 1 ? 'cue' : 'cues'}, ${result.from} → ${result.to}\n`);
      }),
    ),
});
