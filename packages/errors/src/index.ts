export { BollyxError, isBollyxError } from './bollyx-error';
export type { BollyxErrorOptions } from './bollyx-error';
