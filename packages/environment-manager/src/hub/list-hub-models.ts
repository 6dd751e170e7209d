import type { HubModelEntry } from './hub-model-registry-schema';
import { hubModelRegistry } from './hub-model-registry';
import { inspectHubModel, type HubModelState, type HubModelStateOptions } from './hub-model-state';

export type ListedHubModel = Pick<HubModelEntry, 'name' | 'kind' | 'repo' | 'revision' | 'files' | 'license' | 'gated' | 'families'> & {
  state: HubModelState;
  present: boolean;
  /** The repository's folder in the hub cache. */
  repoDir: string;
  /** Set once `refs/<revision>` (or a commit revision) names a commit. */
  commit?: string;
  snapshotDir?: string;
  /** Bytes of the files in the snapshot, when it has any. */
  bytesOnDisk?: number;
};

/** Every Hugging Face registry model with what the hub cache holds for it; hashes nothing. */
export async function listHubModels(options: HubModelStateOptions = {}): Promise<ListedHubModel[]> {
  const env = options.env ?? process.env;
  return Promise.all(
    hubModelRegistry.map(async (entry) => {
      const inspection = await inspectHubModel(entry, env);
      return {
        name: entry.name,
        kind: entry.kind,
        repo: entry.repo,
        revision: entry.revision,
        ...(entry.files === undefined ? {} : { files: entry.files }),
        license: entry.license,
        gated: entry.gated,
        families: entry.families,
        state: inspection.state,
        present: inspection.state === 'present',
        repoDir: inspection.repoDir,
        ...(inspection.commit === undefined ? {} : { commit: inspection.commit }),
        ...(inspection.snapshotDir === undefined ? {} : { snapshotDir: inspection.snapshotDir }),
        ...(inspection.files.length === 0 ? {} : { bytesOnDisk: inspection.files.reduce((sum, file) => sum + file.size, 0) }),
      };
    }),
  );
}
