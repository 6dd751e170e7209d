import { engineCommand, type DetectedEngine, type EngineOptions } from './container-engine';

const DECIMAL_UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/** buildah prints sizes for people ("5.09 MB", decimal units). */
function parseHumanSize(text: string): number | undefined {
  const match = /^([\d.]+)\s*([kKMGT]?B)$/.exec(text.trim());
  if (match === null) return undefined;
  return Math.round(Number(match[1]) * DECIMAL_UNITS[match[2]!.toUpperCase()]!);
}

/**
 * The size in bytes of the local image `ref` as the engine reports it (its layers and its parents'), or
 * undefined when the engine has no such image.
 */
export async function localImageSize(engine: DetectedEngine, ref: string, options: Pick<EngineOptions, 'env' | 'signal'> = {}): Promise<number | undefined> {
  if (engine.engine === 'buildah') {
    const result = await engineCommand('buildah', ['images', '--json', ref], options);
    if (result.exitCode !== 0) return undefined;
    const [image] = JSON.parse(String(result.stdout)) as Array<{ size?: string }>;
    return image?.size === undefined ? undefined : parseHumanSize(image.size);
  }
  const result = await engineCommand(engine.engine, ['image', 'inspect', '--format', '{{.Size}}', ref], options);
  if (result.exitCode !== 0) return undefined;
  const size = Number(String(result.stdout).trim());
  return Number.isFinite(size) ? size : undefined;
}
