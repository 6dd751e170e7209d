import type { EngineRecord } from '@bollyx/environment-manager';
import { formatDuration, formatTable } from '../../output/format';

/** The readable result of `bollyx engines build`. */
export function renderBuiltEngine(engine: EngineRecord, built: boolean, reason: string): string {
  const headline = built
    ? `Built whisper.cpp ${engine.version} for ${engine.backend} in ${formatDuration(engine.buildSeconds * 1000)}`
    : `whisper.cpp ${engine.version} for ${engine.backend} is already built (rebuild with --force)`;
  return `${headline}\n${formatTable([
    ['binary', engine.binary],
    ['backend', `${engine.backend}: ${reason}`],
    ['flags', engine.flags.join(' ')],
    ['built', `${engine.builtAt} from ${engine.source}`],
  ])}\n`;
}

/** The readable `bollyx engines list`: one row per installed engine, the one this machine uses marked. */
export function renderEngineList(dir: string, engines: EngineRecord[], currentKey: string): string {
  if (engines.length === 0) return `No engines built in ${dir} yet: run \`bollyx engines build\`.\n`;
  const rows = engines.map((engine) => [
    engine.buildKey === currentKey ? '*' : ' ',
    `${engine.name} ${engine.version}`,
    engine.origin === 'prebuilt' ? `${engine.backend} (prebuilt)` : engine.backend,
    engine.builtAt.slice(0, 16).replace('T', ' '),
    engine.binary,
  ]);
  const footer = engines.some((engine) => engine.buildKey === currentKey)
    ? '* the build this machine uses'
    : 'None of these fits this machine (CPU, GPU or source changed): run `bollyx engines build`.';
  return `Engines in ${dir}\n${formatTable([[' ', 'ENGINE', 'BACKEND', 'BUILT (UTC)', 'BINARY'], ...rows])}\n${footer}\n`;
}
