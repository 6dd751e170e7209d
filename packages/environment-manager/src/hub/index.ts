export { hubModelRegistry, findHubModel } from './hub-model-registry';
export { HubModelEntrySchema, HubModelRegistrySchema } from './hub-model-registry-schema';
export type { HubModelEntry, HubModelRegistry } from './hub-model-registry-schema';
export { hubCacheDir } from './hub-cache-layout';
export { hubModelState } from './hub-model-state';
export type { HubModelState, HubModelStateOptions } from './hub-model-state';
export { listHubModels } from './list-hub-models';
export type { ListedHubModel } from './list-hub-models';
export { pullHubModel } from './pull-hub-model';
export type { PullHubModelOptions, PulledHubModel, PulledHubFile } from './pull-hub-model';
export { verifyHubModel, hubFileMismatchError } from './verify-hub-model';
export type { VerifyHubModelOptions, HubModelVerification, HubFileVerification } from './verify-hub-model';
export { envVarsFor } from './env-vars-for';
export type { StageModels, EnvVarsOptions } from './env-vars-for';
export { readHubToken, readSecret, hubSecretsFile } from './read-hub-token';
export type { HubTokenOptions, SecretName } from './read-hub-token';
export {
  HubAccessDeniedError,
  HubNotFoundError,
  HubResponseInvalidError,
  HubSecretsInsecureError,
  HubSecretsInvalidError,
  HubModelNotPresentError,
} from './hub-errors';
export type { HubAccessFailure, HubNotFoundFailure, HubModelAbsence } from './hub-errors';
