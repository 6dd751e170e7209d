import { stat } from 'node:fs/promises';
import { findWhisperEngine, installedWhisperEngine, listEngines, planWhisperEngine } from '@bollyx/environment-manager';
import type { EngineRecord, WhisperEnginePlan } from '@bollyx/environment-manager';
import type { HardwareProfile } from '@bollyx/hardware-detection';
import type { CheckDefinition } from './check-definition';
import { engineHardwareOf } from './engine-hardware';

type Env = Readonly<Record<string, string | undefined>>;

/** The build this machine wants and the engines that are installed, read from their records (nothing runs). */
export interface EngineInspection {
  plan: WhisperEnginePlan;
  /** The installed engine that serves the wanted build (built here, or the prebuilt package's), not yet run. */
  installed: EngineRecord | undefined;
  /** Engines of other builds: another backend, CPU or whisper.cpp version. */
  others: EngineRecord[];
}

export async function inspectEngine(profile: HardwareProfile, env: Env): Promise<EngineInspection> {
  const options = { hardware: engineHardwareOf(profile), env };
  const [plan, installed, records] = await Promise.all([planWhisperEngine(options), installedWhisperEngine(options), listEngines({ env })]);
  return {
    plan,
    installed: installed ?? undefined,
    others: records.filter((record) => record.buildKey !== (installed ?? plan).buildKey),
  };
}

/** Why the wanted engine is not there, in words: never built, or built for other hardware (another backend, CPU or source). */
function describeMissingEngine(inspection: EngineInspection): string {
  const { plan, others } = inspection;
  const otherBackend = others.find((record) => record.backend !== plan.backend);
  if (otherBackend) {
    return `whisper.cpp is built for ${otherBackend.backend}, but this machine wants ${plan.backend} (${plan.reason})`;
  }
  if (others.length > 0) {
    return `whisper.cpp is built for another CPU or whisper.cpp version (${others[0]!.cpuModel}, ${others[0]!.version}); this machine wants ${plan.source.version} for ${plan.cpuModel}`;
  }
  return `the whisper.cpp engine is not built (wanted: ${plan.backend}, ${plan.reason})`;
}

export interface EngineCheckOptions {
  profile: HardwareProfile;
  env: Env;
  /** A missing engine passes with a note: the caller builds it next (as `bollyx run` does). */
  buildsMissing?: boolean;
}

/**
 * The whisper.cpp engine built for this hardware is installed and runs. Its fingerprint is the engine's
 * record and binary, so a cached pass never starts whisper-cli; a rebuild or another backend re-checks.
 */
export function engineCheck(options: EngineCheckOptions): CheckDefinition {
  let inspected: Promise<EngineInspection> | undefined;
  const inspect = () => (inspected ??= inspectEngine(options.profile, options.env));
  return {
    id: 'engine',
    why: 'speech recognition (asr.backend whisper.cpp) runs the whisper.cpp engine built for this machine',
    fingerprint: async () => {
      const { installed } = await inspect();
      if (installed === undefined) return undefined;
      const binary = await stat(installed.binary).catch(() => undefined);
      return binary && { record: installed, size: binary.size, mtimeMs: binary.mtimeMs };
    },
    check: async () => {
      const inspection = await inspect();
      const found = await findWhisperEngine({ hardware: engineHardwareOf(options.profile), env: options.env });
      if (found) return { ok: true, what: `whisper.cpp ${found.version} (${found.backend}) at ${found.binary}` };
      const missing = inspection.installed
        ? `the whisper.cpp engine at ${inspection.installed.binary} does not run`
        : describeMissingEngine(inspection);
      if (options.buildsMissing) return { ok: true, what: `${missing}: it is built before the first stage` };
      return { ok: false, what: missing, fix: inspection.installed ? 'bollyx engines build --force' : 'bollyx engines build' };
    },
  };
}
