import { inProcess } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { burnSubtitles } from '../stages/burn-in/burn-subtitles';
import { LAYOUT, mediaStem } from './pipeline-layout';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

/** burn-in: a copy of the video with one language's subtitles drawn in, `output/<stem>.<language>.burned.mp4`. */
export function burnInStage(options: ResolvedSubtitlePipelineOptions, language: string): StageDefinition {
  const encoder = options.videoEncoder ?? 'libx264';
  const output = LAYOUT.burnedVideo(mediaStem(options.mediaPath), language);
  return {
    id: 'burn-in',
    version: '1',
    needs: ['subtitles'],
    inputs: [options.mediaPath],
    // The look (font, size, outline) is the ASS file's, a need: a change of style runs this again.
    params: { language, encoder, shaping: 'complex' },
    outputs: [output],
    backend: 'ffmpeg',
    run: inProcess(async (ctx) => {
      const ass = ctx.needs.subtitles!.find((file) => file.endsWith(`/${LAYOUT.subtitles(language, 'ass')}`))!;
      const used = await burnSubtitles({
        video: ctx.inputs[0]!,
        ass,
        output: ctx.output(output),
        encoder,
        signal: ctx.signal,
        onProgress: (fraction) => ctx.progress(fraction),
        onFallback: (failed, reason) => ctx.log(`${failed} failed (${reason}); encoding with libx264`),
      });
      ctx.log(`${language} subtitles burned in with ${used}`);
    }),
  };
}
