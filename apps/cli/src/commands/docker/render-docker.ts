import type { BuildPlan, BuildReport, WrittenBuildFiles } from '@bollyx/docker-builder';
import { formatBytes, formatDuration, formatTable } from '../../output/format';

const MB = 1024 * 1024;

/** The plan as --json prints it: images, tags, parents and sizes (real where built, else estimates). */
export function planJson(plan: BuildPlan, sizes: ReadonlyMap<string, number>) {
  return {
    mode: plan.mode,
    images: plan.images.map((image) => ({
      name: image.name,
      ref: image.ref,
      tag: image.tag,
      ...(image.parent === undefined ? {} : { parent: image.parent, parentRef: image.parentRef }),
      serves: image.serves,
      ...(image.environment === undefined ? {} : { environment: image.environment }),
      estimatedSizeMb: image.estimatedSizeMb,
      estimatedTotalMb: image.estimatedTotalMb,
      ...(sizes.has(image.name) ? { sizeBytes: sizes.get(image.name) } : {}),
    })),
    excluded: plan.excluded.map(({ name, reason }) => ({ name, reason })),
    estimatedTotalMb: plan.estimatedTotalMb,
  };
}

function sizeText(estimatedTotalMb: number, measured: number | undefined): string {
  return measured === undefined ? `~${formatBytes(estimatedTotalMb * MB)} (estimate)` : formatBytes(measured);
}

export function renderPlan(plan: BuildPlan, sizes: ReadonlyMap<string, number>): string {
  const rows = plan.images.map((image) => [
    image.name,
    image.ref,
    image.parent ?? '-',
    image.serves.join(', ') || '-',
    sizeText(image.estimatedTotalMb, sizes.get(image.name)),
  ]);
  const excluded = plan.excluded.map((entry) => `Not in any image: ${entry.name} (${entry.reason})\n`).join('');
  return `${plan.mode}: ${plan.images.length} image${plan.images.length === 1 ? '' : 's'}, about ${formatBytes(plan.estimatedTotalMb * MB)} on disk together (estimate; sizes with parents per image, real for images already built)
${formatTable([['IMAGE', 'REFERENCE', 'PARENT', 'RUNS', 'SIZE'], ...rows])}
${excluded}`;
}

export function renderFiles(files: WrittenBuildFiles): string {
  return `Wrote the Dockerfiles and build contexts to ${files.outDir}
  bake file: ${files.bakeFile} (docker buildx bake -f ${files.bakeFile} <mode>)
`;
}

export function renderReport(report: BuildReport): string {
  const builder = report.engine.builder === 'classic' ? 'docker, classic builder' : report.engine.builder === 'buildx' ? 'docker buildx' : report.engine.engine;
  const built = report.images.filter((image) => image.status === 'built').length;
  const rows = report.images.map((image) => [image.name, image.ref, image.status, formatBytes(image.sizeBytes), image.status === 'built' ? formatDuration(image.durationMs) : '-']);
  return `${report.mode}: ${built} built, ${report.images.length - built} already built, with ${builder} ${report.engine.version}
${formatTable([['IMAGE', 'REFERENCE', 'STATUS', 'SIZE', 'TIME'], ...rows])}
`;
}
