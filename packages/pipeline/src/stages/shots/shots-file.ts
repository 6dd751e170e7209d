import { z } from 'zod';

/** One shot change: where a new shot starts. */
export const shotCutSchema = z.object({
  /** Seconds on the movie's timeline (the first frame of the new shot). */
  time: z.number().nonnegative(),
  /** That frame's number, counting from 0 at the frame rate. */
  frame: z.number().int().nonnegative(),
  /** ffmpeg scdet's score (0–100): how different the frame is from the one before. */
  score: z.number().nonnegative(),
});

/** `video/shots.json`: the video's frame rate and its shot changes, in time order. */
export const shotsFileSchema = z.object({
  frameRate: z.number().positive(),
  cuts: z.array(shotCutSchema),
});

export type ShotCut = z.infer<typeof shotCutSchema>;
export type ShotsFile = z.infer<typeof shotsFileSchema>;
