const HUB_SNAPSHOT = /(?:^|[\\/])models--([^\\/]+)[\\/]snapshots[\\/]([0-9a-f]{40})[\\/]*$/;

/**
 * A Python stage's model as its cache key knows it: a pulled hub snapshot
 * (`…/models--{owner}--{name}/snapshots/{commit}`) by repository and commit, the same on every machine
 * whatever its cache folder; a hub id or a folder of the user's as given.
 */
export function modelIdentity(model: string): string {
  const snapshot = HUB_SNAPSHOT.exec(model);
  return snapshot === null ? model : `${snapshot[1]!.split('--').join('/')}@${snapshot[2]!}`;
}
