import { z } from 'zod';

/**
 * One step of `createEnvironment`'s progress. `fraction` (0–1) covers the whole creation and never moves
 * backwards: waiting for another creation of the same environment, finding Python, making the venv,
 * installing the requirements (from the installer's own lines), running the import probes, done.
 */
export const EnvironmentProgressSchema = z.object({
  phase: z.enum(['waiting', 'python', 'venv', 'install', 'probe', 'done']),
  fraction: z.number().min(0).max(1),
  message: z.string(),
});
export type EnvironmentProgress = z.infer<typeof EnvironmentProgressSchema>;
