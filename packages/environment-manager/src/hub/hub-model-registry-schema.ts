import { z } from 'zod';
import { isSafeRepoPath } from './repo-path';
import { StageFamilySchema } from '../environments/index';

/** A path inside a repository, or a pattern of paths: forward slashes, no `.`/`..` segments, not absolute. */
const RepoPathPattern = z.string().refine(isSafeRepoPath, { message: 'a relative path inside the repository, with forward slashes' });

/**
 * One Hugging Face model repository a Python backend loads. `files` are the paths (with `*` and `?`
 * wildcards, as huggingface_hub's `allow_patterns`) the backend needs; each must match at least one file
 * of the revision. Without `files`, every file of the revision is fetched.
 */
export const HubModelEntrySchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, dots and dashes'),
  kind: z.literal('hf-repo'),
  repo: z.string().regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, 'an owner/name repository id'),
  /** A branch, tag or 40-hex commit; `refs/<revision>` in the cache records the commit it resolved to. */
  revision: z
    .string()
    .regex(/^[A-Za-z0-9][\w./-]*$/, 'a branch, tag or commit')
    .refine((value) => !value.split('/').includes('..'), { message: 'no `..` segments' }),
  files: z.array(RepoPathPattern).min(1).optional(),
  /** SPDX identifier of the weights' licence (NOASSERTION where the model card states none). */
  license: z.string().min(1),
  /** The hub serves the files only to signed-in users who accepted the model's terms: a token is needed. */
  gated: z.boolean(),
  /** The stage families whose Python backends load this model. */
  families: z.array(StageFamilySchema).min(1),
});
export type HubModelEntry = z.infer<typeof HubModelEntrySchema>;

export const HubModelRegistrySchema = z.array(HubModelEntrySchema).superRefine((entries, context) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.name)) context.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate model name "${entry.name}"` });
    seen.add(entry.name);
  });
});
export type HubModelRegistry = z.infer<typeof HubModelRegistrySchema>;
