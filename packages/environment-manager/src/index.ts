export * from './engines/index';
export * from './models/index';
