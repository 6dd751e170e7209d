import { findHubModel, hubModelRegistry, modelRegistry, ModelUnknownError } from '@bollyx/environment-manager';

/**
 * Which registry a model name is in: the whisper.cpp/Silero files, or the Hugging Face repositories of the
 * Python backends (the two share no name). An unknown name lists the names of both.
 */
export function registryFor(name: string): 'files' | 'hub' {
  if (findHubModel(name) !== undefined) return 'hub';
  if (modelRegistry.some((entry) => entry.name === name)) return 'files';
  throw new ModelUnknownError(name, [...modelRegistry, ...hubModelRegistry].map((entry) => entry.name));
}
