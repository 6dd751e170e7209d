import { z } from 'zod';

/** What a model file is for: whisper.cpp transcription weights, or the Silero voice-activity detector. */
export const ModelKindSchema = z.enum(['whisper-ggml', 'silero-vad-onnx']);
export type ModelKind = z.infer<typeof ModelKindSchema>;

export const DigestAlgorithmSchema = z.enum(['sha256', 'sha1']);
export type DigestAlgorithm = z.infer<typeof DigestAlgorithmSchema>;

export const UrlOriginSchema = z.object({ type: z.literal('url'), url: z.url({ protocol: /^https?$/ }) });
export type UrlOrigin = z.infer<typeof UrlOriginSchema>;

/** A file shipped inside an npm package that bollyx depends on. */
export const NpmOriginSchema = z.object({
  type: z.literal('npm'),
  package: z.string().min(1),
  /** The file's path inside the package folder, with forward slashes. */
  path: z.string().min(1),
});
export type NpmOrigin = z.infer<typeof NpmOriginSchema>;

/** Where a model's bytes come from. */
export const ModelOriginSchema = z.discriminatedUnion('type', [UrlOriginSchema, NpmOriginSchema]);
export type ModelOrigin = z.infer<typeof ModelOriginSchema>;

/**
 * One model file. Exactly one of `sha256` and `sha1` is given: sha256 wherever it is published, sha1 only
 * where the sole published digest is the whisper.cpp README's; `checksumSource` says where it came from.
 */
export const ModelEntrySchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, dots and dashes'),
    kind: ModelKindSchema,
    /** The file name in the cache folder (no folders). */
    file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a plain file name'),
    /** Exact size in bytes. */
    size: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits').optional(),
    sha1: z.string().regex(/^[0-9a-f]{40}$/, '40 lower-case hex digits').optional(),
    checksumSource: z.string().min(1),
    /** SPDX identifier of the weights' licence. */
    license: z.string().min(1),
    origin: ModelOriginSchema,
  })
  .refine((entry) => (entry.sha256 === undefined) !== (entry.sha1 === undefined), {
    message: 'give exactly one of sha256 and sha1',
  });
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

export const ModelRegistrySchema = z.array(ModelEntrySchema).superRefine((entries, context) => {
  const seenNames = new Set<string>();
  const seenFiles = new Set<string>();
  entries.forEach((entry, index) => {
    if (seenNames.has(entry.name)) {
      context.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate model name "${entry.name}"` });
    }
    if (seenFiles.has(entry.file)) {
      context.addIssue({ code: 'custom', path: [index, 'file'], message: `duplicate file "${entry.file}"` });
    }
    seenNames.add(entry.name);
    seenFiles.add(entry.file);
  });
});
export type ModelRegistry = z.infer<typeof ModelRegistrySchema>;
