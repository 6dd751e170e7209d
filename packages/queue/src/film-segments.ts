import type { MovieStageDevice } from '@bollyx/pipeline';

/** The queues of a film's segments: its stages that run best on a GPU, and the others. */
export const SEGMENT_QUEUES = { cpu: 'cpu', gpu: 'gpu' } as const;
export type SegmentQueue = (typeof SEGMENT_QUEUES)[keyof typeof SEGMENT_QUEUES];

export interface FilmSegment {
  queue: SegmentQueue;
  /** Its stages, in the pipeline's order. */
  stages: string[];
}

/**
 * A film's stages cut into a chain of segments, each on one kind of device, as few as the stages' needs
 * allow: starting on the CPU, each segment takes every stage of its device whose needs are met (by earlier
 * segments or by itself), then the other device takes over. The usual film is CPU (demux, vad,
 * speech-audio) → GPU (asr, align, diarize, translate) → CPU (transcript … mux); a text translator that
 * reads the transcript adds a GPU and a CPU segment after it.
 */
export function filmSegments(stages: readonly MovieStageDevice[]): FilmSegment[] {
  const done = new Set<string>();
  const segments: FilmSegment[] = [];
  const order = new Map(stages.map((stage, index) => [stage.id, index]));
  let gpu = false;
  let idle = 0;
  while (done.size < stages.length) {
    // Neither device could take a stage: a need outside the list (the pipeline's stages never have one).
    if (idle === 2) throw new Error(`Stages ${stages.filter((stage) => !done.has(stage.id)).map((stage) => stage.id).join(', ')} need stages that are not there`);
    const taken: string[] = [];
    // Repeated until no more: a stage may need one taken just before it in this segment.
    for (let grew = true; grew; ) {
      grew = false;
      for (const stage of stages) {
        if (done.has(stage.id) || stage.gpu !== gpu || !stage.needs.every((need) => done.has(need))) continue;
        done.add(stage.id);
        taken.push(stage.id);
        grew = true;
      }
    }
    idle = taken.length === 0 ? idle + 1 : 0;
    if (taken.length > 0) {
      taken.sort((a, b) => order.get(a)! - order.get(b)!);
      segments.push({ queue: gpu ? SEGMENT_QUEUES.gpu : SEGMENT_QUEUES.cpu, stages: taken });
    }
    gpu = !gpu;
  }
  return segments;
}
