// Builds pure-Python wheels for tests: stand-in libraries and probe packages that pip installs offline.
export { buildWheel } from './build-wheel';
export type { BuildWheelOptions } from './build-wheel';
