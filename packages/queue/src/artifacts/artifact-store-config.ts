import { z } from 'zod';
import type { ArtifactStore } from './artifact-store';
import { s3Store, s3StoreOptionsSchema } from './s3-store';
import { sharedFolderStore } from './shared-folder-store';

/**
 * Where a submitter or a worker finds the artifact store: a shared folder, or an S3 bucket. Never
 * credentials: each machine's S3 access comes from its own AWS SDK chain (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY, profiles, instance roles), so nothing secret is in job data, options or logs.
 */
export const artifactStoreConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), root: z.string().min(1) }),
  s3StoreOptionsSchema.pick({ endpoint: true, region: true, bucket: true, prefix: true, forcePathStyle: true }).extend({ kind: z.literal('s3') }),
]);
export type ArtifactStoreConfig = z.input<typeof artifactStoreConfigSchema>;

/** The store a config names (its S3 client is made on first use). */
export function openArtifactStore(config: ArtifactStoreConfig): ArtifactStore {
  const parsed = artifactStoreConfigSchema.parse(config);
  if (parsed.kind === 'folder') return sharedFolderStore(parsed.root);
  const { kind: _kind, ...options } = parsed;
  return s3Store(options);
}
