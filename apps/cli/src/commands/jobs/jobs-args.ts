/** The flags every `bollyx jobs` subcommand takes. */
export const JOBS_ARGS = {
  workspace: { type: 'string', description: 'Folder of the jobs (default: BOLLYX_WORKSPACE or ./bollyx-work)' },
  json: { type: 'boolean', description: 'Print as JSON' },
} as const;
