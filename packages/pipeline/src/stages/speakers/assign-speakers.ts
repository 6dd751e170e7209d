/** A stretch of time one speaker holds, as diarization found it (`SPEAKER_00`, …), in seconds. */
export interface SpeakerTurn {
  start: number;
  end: number;
  speaker: string;
}

/**
 * Gives each segment the speaker whose turns overlap it most; a segment no turn overlaps gets none.
 * Diarization's labels are renamed `Speaker 1`, `Speaker 2`, … in the order they are first heard in the
 * segments, so the numbers a viewer sees start at 1 and leave no gaps.
 */
export function assignSpeakers<T extends { start: number; end: number }>(
  segments: readonly T[],
  turns: readonly SpeakerTurn[],
): (T & { speaker?: string })[] {
  const owners = segments.map((segment) => {
    const overlapBySpeaker = new Map<string, number>();
    for (const turn of turns) {
      const overlap = Math.min(segment.end, turn.end) - Math.max(segment.start, turn.start);
      if (overlap > 0) overlapBySpeaker.set(turn.speaker, (overlapBySpeaker.get(turn.speaker) ?? 0) + overlap);
    }
    let owner: string | undefined;
    for (const [speaker, overlap] of overlapBySpeaker) if (owner === undefined || overlap > overlapBySpeaker.get(owner)!) owner = speaker;
    return owner;
  });
  const names = new Map<string, string>();
  const byStart = segments.map((segment, index) => ({ start: segment.start, index })).sort((a, b) => a.start - b.start || a.index - b.index);
  for (const { index } of byStart) {
    const owner = owners[index];
    if (owner !== undefined && !names.has(owner)) names.set(owner, `Speaker ${names.size + 1}`);
  }
  return segments.map((segment, index) => {
    const owner = owners[index];
    return owner === undefined ? { ...segment } : { ...segment, speaker: names.get(owner)! };
  });
}
