import { listJobs, loadJob, resolveWorkspace } from '@bollyx/job-config';
import { defineCommand } from 'citty';
import { formatTable } from '../../output/format';
import { renderConfigSources, renderJob } from '../../output/job-summary';
import { runAction } from '../../output/run-action';
import { VERBS } from '../verbs';
import clean from './clean';
import { JOBS_ARGS } from './jobs-args';

const list = defineCommand({
  meta: { name: 'list', description: 'List the jobs of the workspace with their state (the default)' },
  args: JOBS_ARGS,
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const workspace = resolveWorkspace({ workspace: args.workspace, env: process.env });
      const jobs = await listJobs(workspace);
      if (args.json) {
        process.stdout.write(`${JSON.stringify({ ok: true, workspace, jobs })}\n`);
        return;
      }
      if (jobs.length === 0) {
        process.stdout.write(`No jobs in ${workspace} yet: bollyx prepare <media> makes one\n`);
        return;
      }
      const rows = jobs.map(({ id, state, job, problem }) =>
        job
          ? [id, state, job.config.workflow, `${job.config.sourceLanguage} → ${job.config.targetLanguages.join(',')}`, job.media.file.slice('media/'.length)]
          : [id, state, '', '', problem ?? ''],
      );
      process.stdout.write(`Jobs in ${workspace}\n${formatTable([['ID', 'STATE', 'WORKFLOW', 'LANGUAGES', 'MEDIA'], ...rows])}\n`);
    }),
});

const show = defineCommand({
  meta: { name: 'show', description: 'Show one job: its folder, media, state and resolved config' },
  args: {
    id: { type: 'positional', description: 'Job id (e.g. 20250131-0001) or job folder', required: true },
    ...JOBS_ARGS,
    explain: { type: 'boolean', description: 'Show every config value and where it came from' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const job = await loadJob(args.id, { workspace: resolveWorkspace({ workspace: args.workspace, env: process.env }) });
      if (args.json) {
        process.stdout.write(`${JSON.stringify({ ok: true, job })}\n`);
        return;
      }
      process.stdout.write(renderJob(job, 'Job'));
      if (args.explain) process.stdout.write(renderConfigSources(job));
    }),
});

export default defineCommand({
  meta: VERBS.jobs,
  // Declared on `jobs` too: citty skips a value flag's value only when it knows the flag, so
  // `bollyx jobs --workspace DIR` does not read DIR as a subcommand.
  args: JOBS_ARGS,
  subCommands: { list, show, clean },
  default: 'list',
});
