export { pythonStageScript, pythonStageScriptNames } from './python-scripts';
export type { PythonStageScriptName } from './python-scripts';
export { stageFamilyScripts } from './stage-family-scripts';
export { asrResultSchema, diarizeResultSchema, nerResultSchema, translateResultSchema } from './script-results';
