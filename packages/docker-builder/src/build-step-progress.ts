/**
 * How far a build is, from one line of the engine's output: BuildKit's `#7 [build 2/4] RUN …`, the
 * classic builder's `Step 2/4 : RUN …`, podman's and buildah's `[1/2] STEP 2/4: RUN …`. The fraction is
 * of steps started; BuildKit numbers steps per stage, so callers keep the largest fraction seen.
 */
export function parseBuildStep(line: string): { fraction: number; message: string } | undefined {
  const buildkit = /^#\d+ \[(?:[^\]]*? )?(\d+)\/(\d+)\] (.+)$/.exec(line);
  const classic = /^Step (\d+)\/(\d+) : (.+)$/.exec(line);
  const steps = buildkit ?? classic;
  if (steps !== null) return { fraction: (Number(steps[1]) - 1) / Number(steps[2]), message: steps[3]!.trim() };
  const podman = /^(?:\[(\d+)\/(\d+)\] )?STEP (\d+)\/(\d+): (.+)$/.exec(line);
  if (podman === null) return undefined;
  const stage = Number(podman[1] ?? 1);
  const stages = Number(podman[2] ?? 1);
  const stepFraction = (Number(podman[3]) - 1) / Number(podman[4]);
  return { fraction: (stage - 1 + stepFraction) / stages, message: podman[5]!.trim() };
}
