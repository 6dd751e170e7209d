import { inProcess } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { detectShots, SCENE_THRESHOLD } from '../stages/shots/detect-shots';
import { writeJson } from './json-file';
import { LAYOUT } from './pipeline-layout';

/**
 * shots: the movie's frame rate and shot changes, found once per film (cached like every stage: its key is
 * the movie and the threshold), for the subtitles stage to time cues to the cuts. Only for media with video.
 */
export function shotsStage(mediaPath: string): StageDefinition {
  return {
    id: 'shots',
    version: '1',
    inputs: [mediaPath],
    params: { detector: 'scdet', threshold: SCENE_THRESHOLD },
    outputs: [LAYOUT.shots],
    backend: 'ffmpeg',
    run: inProcess(async (ctx) => {
      const shots = await detectShots({
        input: ctx.inputs[0]!,
        threshold: SCENE_THRESHOLD,
        signal: ctx.signal,
        onProgress: (fraction) => ctx.progress(fraction),
      });
      ctx.log(`${shots.cuts.length} shot changes at ${Number(shots.frameRate.toFixed(3))} fps`);
      await writeJson(ctx.output(LAYOUT.shots), shots);
    }),
  };
}
