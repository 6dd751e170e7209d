import { z } from 'zod';

/** One step of `buildWhisperEngine`'s progress; `percent` is CMake's own count while compiling. */
export const EngineBuildProgressSchema = z.object({
  phase: z.enum(['waiting', 'configure', 'compile', 'install']),
  percent: z.number().min(0).max(100),
  message: z.string(),
});
export type EngineBuildProgress = z.infer<typeof EngineBuildProgressSchema>;
