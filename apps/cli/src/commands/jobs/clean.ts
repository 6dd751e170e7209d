import { cleanJobs, resolveWorkspace, type CleanJobsResult } from '@bollyx/job-config';
import { defineCommand } from 'citty';
import { formatBytes, formatTable } from '../../output/format';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { JOBS_ARGS } from './jobs-args';

type Listed = CleanJobsResult['removed' | 'kept'][number];

function why({ reason, owner }: Listed): string {
  const by = owner === undefined ? '' : `pid ${owner.pid} on ${owner.hostname}`;
  switch (reason) {
    case 'owner-dead':
      return `its bollyx prepare (${by}) is gone`;
    case 'unowned-stale':
      return 'no job.yaml and untouched for over an hour';
    case 'owner-alive':
      return `still being prepared (${by})`;
    case 'owner-other-host':
      return `being prepared on another machine (${by})`;
    case 'unowned-recent':
      return 'no job.yaml, changed within the hour';
  }
}

function render(workspace: string, { removed, kept }: CleanJobsResult, dryRun: boolean): string {
  const lines: string[] = [];
  if (removed.length === 0) lines.push(`No abandoned jobs in ${workspace}`);
  else {
    const total = removed.reduce((sum, job) => sum + job.bytes, 0);
    lines.push(`${dryRun ? 'Would remove' : 'Removed'} from ${workspace}:`);
    lines.push(formatTable(removed.map((job) => [job.id, formatBytes(job.bytes), why(job)])));
    lines.push(`Total: ${removed.length} job${removed.length === 1 ? '' : 's'}, ${formatBytes(total)} ${dryRun ? 'to free' : 'freed'}`);
  }
  if (kept.length > 0) lines.push('Kept, incomplete but not abandoned:', formatTable(kept.map((job) => [job.id, formatBytes(job.bytes), why(job)])));
  return `${lines.join('\n')}\n`;
}

export default defineCommand({
  meta: { name: 'clean', description: 'Remove the incomplete job folders a killed bollyx prepare left (never a finished job or one still being prepared)' },
  args: {
    ...JOBS_ARGS,
    'dry-run': { type: 'boolean', description: 'Say what would be removed, remove nothing' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const workspace = resolveWorkspace({ workspace: args.workspace, env: process.env });
        const dryRun = args['dry-run'] === true;
        const result = await cleanJobs({ workspace, dryRun, signal });
        process.stdout.write(args.json ? `${JSON.stringify({ ok: true, workspace, dryRun, ...result })}\n` : render(workspace, result, dryRun));
      }),
    ),
});
