import { createInterface } from 'node:readline';
import { workerName, type PlannedWorker } from '@bollyx/queue';
import { execa } from 'execa';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface WorkerProcessesOptions {
  /** The `bollyx worker` flags every child gets, besides its own --gpu and --queues. */
  args: string[];
  /** Added to each child's environment (the Redis URL: never on a command line, where `ps` shows it). */
  env: Record<string, string>;
  /** Each line a child prints on stdout (its JSON events, or its failure), parsed, with the child's worker name. */
  onLine: (worker: string, line: unknown) => void;
}

const parsed = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
};

/**
 * Runs one `bollyx worker --json --gpu i` child per planned GPU worker, bound to its GPU, and passes each
 * SIGINT and SIGTERM on to all of them (the first lets their films finish, the second stops them).
 * Resolves once all have exited: 0, else the first child's non-zero exit status.
 */
export async function runWorkerProcesses(plan: readonly PlannedWorker[], options: WorkerProcessesOptions): Promise<number> {
  const children = plan.map((planned) => {
    const child = execa(
      process.execPath,
      [...process.execArgv, process.argv[1]!, 'worker', '--json', ...options.args, '--gpu', String(planned.gpu), '--queues', planned.queues.join(',')],
      {
        env: { ...options.env, ...planned.env },
        // Its own process group: Ctrl-C at a terminal reaches this process only, which passes it on once.
        detached: true,
        stdin: 'ignore',
        reject: false,
      },
    );
    const name = workerName(planned.gpu, child.pid);
    createInterface({ input: child.stdout }).on('line', (line) => options.onLine(name, parsed(line)));
    createInterface({ input: child.stderr }).on('line', (line) => process.stderr.write(`${name}: ${line}\n`));
    return child;
  });
  const forward = (signal: NodeJS.Signals) => {
    for (const child of children) child.kill(signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, forward);
  try {
    const results = await Promise.all(children);
    const failed = results.find((result) => result.exitCode !== 0);
    return failed === undefined ? 0 : (failed.exitCode ?? 1);
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, forward);
  }
}
