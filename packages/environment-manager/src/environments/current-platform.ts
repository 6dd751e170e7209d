import type { EnvironmentSpec } from './environment-spec';

/** This machine as specs name platforms: `process.platform-process.arch`, e.g. `linux-x64`, `darwin-arm64`. */
export function currentPlatform(): string {
  return `${process.platform}-${process.arch}`;
}

/** True when the spec lists no platforms or lists `platform`. */
export function supportsPlatform(spec: EnvironmentSpec, platform: string): boolean {
  return spec.platforms === undefined || (spec.platforms as readonly string[]).includes(platform);
}
