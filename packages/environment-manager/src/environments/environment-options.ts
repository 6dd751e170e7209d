/** Where environments and their specs are; every environments function takes these. */
export interface EnvironmentOptions {
  /** Default `process.env`: `BOLLYX_CACHE_DIR` decides the root, `BOLLYX_ENV_SPECS_DIR` the specs, PATH the tools. */
  env?: NodeJS.ProcessEnv;
  /** Default: `BOLLYX_ENV_SPECS_DIR`, else the package's own `environments/` folder. */
  specsDir?: string;
}
