import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startPrivateS3, type PrivateS3 } from '../../../../../tools/test-s3';
import type { ArtifactStore } from '../artifact-store';
import { s3Store } from '../s3-store';
import { sharedFolderStore } from '../shared-folder-store';

const MIB = 1024 * 1024;

export interface StoreUnderTest {
  store: ArtifactStore;
  /** Overwrites the stored bytes of `key` without the store knowing. */
  corrupt(key: string, bytes: Buffer): Promise<void>;
  /** The same kind of store where nothing answers. */
  unreachable(): Promise<ArtifactStore>;
  /** Keys the store received in several parts (none for a shared folder, which copies whole files). */
  multipartKeys(): string[];
}

export const STORE_KINDS = ['shared folder', 's3'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/**
 * Both stores for `describe.each(STORE_KINDS)`: a shared folder in a temp dir, and s3rver started for the
 * file (a bucket, path-style URLs, 5 MiB parts). Call at the top of a test file.
 */
export function useStoresUnderTest(): (kind: StoreKind) => StoreUnderTest {
  let root: string;
  let s3: PrivateS3;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bollyx-stores-'));
    await mkdir(join(root, 'shared'));
    s3 = await startPrivateS3(join(root, 's3rver'));
  });
  afterAll(async () => {
    await s3?.stop();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });
  const s3Options = (server: PrivateS3) => ({ endpoint: server.endpoint, region: server.region, bucket: server.bucket, forcePathStyle: true, credentials: server.credentials });
  return (kind) => {
    if (kind === 'shared folder') {
      const shared = join(root, 'shared');
      return {
        store: sharedFolderStore(shared),
        corrupt: (key, bytes) => writeFile(join(shared, key), bytes),
        // A share that is not mounted: its folder is not there.
        unreachable: async () => sharedFolderStore(join(root, 'not-mounted')),
        multipartKeys: () => [],
      };
    }
    return {
      store: s3Store({ ...s3Options(s3), partSizeBytes: 5 * MIB }),
      corrupt: (key, bytes) => writeFile(s3.objectPath(key), bytes),
      multipartKeys: () => s3.multipartKeys,
      unreachable: async () => {
        // A server that was there and stopped: its port refuses connections.
        const gone = await startPrivateS3(await mkdtemp(join(root, 'gone-')));
        await gone.stop();
        return s3Store({ ...s3Options(gone), maxAttempts: 1, connectTimeoutMs: 1000 });
      },
    };
  };
}
