// Python environments per stage family: declarative specs, creation with uv or venv + pip into a temp
// folder swapped into place, a fingerprint check that starts no Python, and the interpreter for a stage.
export { StageFamilySchema, EnvironmentSpecSchema, EnvironmentPlatformSchema, EnvironmentVariantSchema } from './environment-spec';
export type { StageFamily, EnvironmentSpec, EnvironmentPlatform, EnvironmentVariant } from './environment-spec';
export type { EnvironmentOptions } from './environment-options';
export { loadEnvironmentSpecs, environmentSpecsDir } from './environment-specs';
export { environmentsDir } from './environments-dir';
export { environmentForFamily } from './environment-for-family';
export { EnvironmentRecordSchema, ENVIRONMENT_RECORD_FILE } from './environment-record';
export type { EnvironmentRecord } from './environment-record';
export type { EnvironmentInputs } from './environment-inputs';
export type { EnvironmentState, EnvironmentStatus } from './environment-status';
export { EnvironmentProgressSchema } from './environment-progress';
export type { EnvironmentProgress } from './environment-progress';
export { createEnvironment } from './create-environment';
export type { CreateEnvironmentOptions } from './create-environment';
export { checkEnvironment } from './check-environment';
export type { CheckEnvironmentOptions } from './check-environment';
export { removeEnvironment } from './remove-environment';
export { listEnvironments } from './list-environments';
export { resolveInterpreter } from './resolve-interpreter';
export { findPython } from './find-python';
export {
  environmentError,
  EnvironmentUnknownError,
  EnvironmentSpecInvalidError,
  EnvironmentMissingError,
  EnvironmentStaleError,
  EnvironmentBrokenError,
  EnvironmentUnsupportedError,
  PythonNotFoundError,
  EnvironmentCreateFailedError,
  EnvironmentCreateCancelledError,
} from './environment-errors';
export type { PythonCandidateProblem, EnvironmentCreateFailure } from './environment-errors';
