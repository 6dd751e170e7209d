import type { ConfigFileLayer } from '@bollyx/job-config';

/** A config object is a config file that was never written: validated alike, its fields reported as from `options.config`. */
export const configLayer = (config: string | Record<string, unknown> | undefined): string | ConfigFileLayer | undefined =>
  config === undefined || typeof config === 'string' ? config : { path: 'options.config', data: config };
