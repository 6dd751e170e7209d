import type { BollyxError } from '@bollyx/errors';
import { checkEnvironment, environmentError } from '@bollyx/environment-manager';
import type { EnvironmentSpec, EnvironmentStatus, EnvironmentVariant, StageFamily } from '@bollyx/environment-manager';
import { errorOutcome, type CheckDefinition, type CheckOutcome } from './check-definition';

type Env = NodeJS.ProcessEnv;

export interface EnvironmentCheckOptions {
  spec: EnvironmentSpec;
  /** The torch build this machine wants (cuda with an NVIDIA GPU), for specs that have variants. */
  variant: EnvironmentVariant;
  env: Env;
  /** Also import the probe modules in the environment's Python (preflight); bootstrap reads the record only. */
  deep: boolean;
}

/** Why a status that is not `ok` stops the job, and what mends it: `bollyx env create NAME`, or another backend. */
function environmentProblem(status: EnvironmentStatus): CheckOutcome {
  const fix =
    status.fix ??
    (status.state === 'unsupported'
      ? `choose another backend for ${status.spec.serves.join(', ')} in the config: ${status.name} cannot run on this machine`
      : `bollyx env create ${status.name} --force`);
  const code = environmentError(status)?.code;
  return { ok: false, what: `environment ${status.name} is ${status.state}: ${status.reason}`, fix, ...(code === undefined ? {} : { code }) };
}

/** A stage family no environment serves on this platform (MLX off Apple Silicon): the config asks for what cannot run here. */
export function unservableCheck({ family, error }: { family: StageFamily; error: BollyxError }): CheckDefinition {
  return {
    id: `environment:${family}`,
    why: `the config runs a ${family} stage, which needs a Python environment that serves it`,
    check: async () => errorOutcome(error),
  };
}

/** A record of the wrong torch build: CPU torch on a machine with an NVIDIA GPU, or CUDA torch without one. */
function wrongVariant(spec: EnvironmentSpec, status: EnvironmentStatus, variant: EnvironmentVariant): CheckOutcome | undefined {
  if (spec.variants === undefined || status.record === undefined || status.record.variant === variant) return undefined;
  return {
    ok: false,
    what: `environment ${spec.name} has ${status.record.variant} torch, but this machine wants ${variant}`,
    fix: `bollyx env create ${spec.name} --force`,
  };
}

/**
 * The Python environment serving some of the job's stages is created, current (its fingerprint matches the
 * spec, Python and platform), of the torch build this hardware wants and, with `deep`, imports its probe
 * modules. The fingerprint is the environment's record, so a cached pass starts no Python.
 */
export function environmentCheck(options: EnvironmentCheckOptions): CheckDefinition {
  const { spec, env } = options;
  let checked: Promise<EnvironmentStatus> | undefined;
  const status = () => (checked ??= checkEnvironment(spec.name, { env }));
  return {
    id: `environment:${spec.name}`,
    why: `the ${spec.serves.join(', ')} stages run in the ${spec.name} Python environment (${spec.description})`,
    fingerprint: async () => {
      const { state, record } = await status();
      return state === 'ok' && record ? { record, deep: options.deep, variant: options.variant } : undefined;
    },
    check: async () => {
      const fast = await status();
      if (fast.state !== 'ok') return environmentProblem(fast);
      const mismatch = wrongVariant(spec, fast, options.variant);
      if (mismatch) return mismatch;
      const checkedStatus = options.deep ? await checkEnvironment(spec.name, { env, deep: true }) : fast;
      if (checkedStatus.state !== 'ok') return environmentProblem(checkedStatus);
      const record = checkedStatus.record ?? fast.record;
      return {
        ok: true,
        what: `environment ${spec.name}${record ? ` (${record.variant}, Python ${record.pythonVersion}) at ${record.interpreter}` : ''}`,
      };
    },
  };
}
