import type { ImageBuildProgress } from '@bollyx/docker-builder';

/**
 * Build progress as lines: the engine choice, then a line per image and build step on stderr, or each
 * event as a JSON line on stdout under --json. Image builds print Docker's own step text, which a
 * redrawn bar would cut.
 */
export function imageBuildProgressView(options: { json: boolean }): (event: ImageBuildProgress) => void {
  if (options.json) return (event) => process.stdout.write(`${JSON.stringify({ event: 'progress', ...event })}\n`);
  return (event) => {
    if (event.type === 'engine') {
      process.stderr.write(`${event.message}\n`);
      return;
    }
    const step = event.status === 'building' ? `${Math.round(event.fraction * 100)}% ` : '';
    process.stderr.write(`[${event.index}/${event.total}] ${event.image}: ${step}${event.message}\n`);
  };
}
