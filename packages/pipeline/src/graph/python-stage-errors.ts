import { BollyxError } from '@bollyx/errors';

/** A Python stage's model is not where the script looked (not pulled, or pulled somewhere the library does not read). */
export class StageModelMissingError extends BollyxError {
  constructor(stageId: string, scriptMessage: string, model: string) {
    super('STAGE_MODEL_MISSING', `Stage ${stageId} has no model to load: ${scriptMessage}`, {
      hint: `run \`bollyx models pull NAME\` (from code: \`pullHubModel(NAME)\`), where \`bollyx models list\` shows the NAME of ${model}`,
      details: { stageId, model },
    });
  }
}

/** A Python stage's library cannot be imported: its environment is missing or broken. */
export class StageBackendMissingError extends BollyxError {
  constructor(stageId: string, scriptMessage: string, environment: string) {
    super('STAGE_BACKEND_MISSING', `Stage ${stageId} cannot import its library: ${scriptMessage}`, {
      hint: `run \`bollyx env create ${environment} --force\` (from code: \`createEnvironment('${environment}', { force: true })\`)`,
      details: { stageId, environment },
    });
  }
}
