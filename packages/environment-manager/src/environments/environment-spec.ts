import { z } from 'zod';
import { pythonRangeProblem } from './python-version-range';

/** Stage families: what a Python stage is, independent of which environment serves it. */
export const StageFamilySchema = z.enum([
  'asr-faster-whisper',
  'asr-whisperx',
  'asr-mlx',
  'align-whisperx',
  'diarize-pyannote',
  'translate-indictrans2',
  'translate-nllb',
  'ner-transformers',
  'tools',
]);
export type StageFamily = z.infer<typeof StageFamilySchema>;

/** `process.platform-process.arch` values an environment can be limited to. */
export const EnvironmentPlatformSchema = z.enum(['linux-x64', 'linux-arm64', 'darwin-arm64', 'darwin-x64', 'win32-x64']);
export type EnvironmentPlatform = z.infer<typeof EnvironmentPlatformSchema>;

/** Which torch build an environment gets: chosen from the hardware profile (an NVIDIA GPU means cuda). */
export const EnvironmentVariantSchema = z.enum(['cpu', 'cuda']);
export type EnvironmentVariant = z.infer<typeof EnvironmentVariantSchema>;

// An exact pin in pip's syntax: name, optional extras, ==version, optional environment marker.
const PINNED_REQUIREMENT = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:\[[A-Za-z0-9._,\s-]+\])?\s*==\s*[A-Za-z0-9.+!-]+(?:\s*;\s*\S.*)?$/;
const RequirementSchema = z
  .string()
  .regex(PINNED_REQUIREMENT, { error: (issue) => `"${String(issue.input)}" is not pinned: write it as name==version` });

/** The distribution name of a requirement line, PEP 503-normalised (`pyannote.audio` → `pyannote-audio`). */
export function requirementName(requirement: string): string {
  const name = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/.exec(requirement.trim())?.[0] ?? requirement.trim();
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

const ModuleNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/, { error: 'a probe is an importable module name such as torch or pyannote.audio' });

const VariantSchema = z.strictObject({
  requirements: z.array(RequirementSchema),
  /** A package index that has this variant's builds (PyTorch's per-accelerator indexes), added to PyPI. */
  indexUrl: z.url().optional(),
});

/** One environment, as `environments/<name>.yaml` declares it. */
export const EnvironmentSpecSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'a name is lower-case letters, digits and dashes, starting with a letter' }),
    description: z.string().min(1),
    python: z.string().superRefine((range, context) => {
      const problem = pythonRangeProblem(range);
      if (problem !== null) context.addIssue({ code: 'custom', message: `the Python range ${problem}` });
    }),
    serves: z.array(StageFamilySchema).min(1),
    /** Absent: every platform. */
    platforms: z.array(EnvironmentPlatformSchema).min(1).optional(),
    requirements: z.array(RequirementSchema),
    variants: z.strictObject({ cpu: VariantSchema.optional(), cuda: VariantSchema.optional() }).optional(),
    probes: z.array(ModuleNameSchema).min(1),
    /**
     * Where each pin comes from, by requirement name as pinned: the repository, tag and file whose
     * requirements justify it (`OpenNMT/CTranslate2 v4.8.1 python/setup.py`). When present, every pin has one.
     */
    sources: z.record(z.string(), z.string().min(1)).optional(),
  })
  .superRefine((spec, context) => {
    if (spec.sources === undefined) return;
    const sourced = new Set(Object.keys(spec.sources).map(requirementName));
    const pinned = [...spec.requirements, ...(spec.variants?.cpu?.requirements ?? []), ...(spec.variants?.cuda?.requirements ?? [])].map(requirementName);
    for (const name of new Set(pinned)) {
      if (!sourced.has(name)) context.addIssue({ code: 'custom', path: ['sources'], message: `${name} is pinned but has no source` });
    }
    for (const name of sourced) {
      if (!pinned.includes(name)) context.addIssue({ code: 'custom', path: ['sources'], message: `${name} has a source but is not pinned` });
    }
  });
export type EnvironmentSpec = z.infer<typeof EnvironmentSpecSchema>;
