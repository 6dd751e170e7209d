/**
 * True for a path that stays inside a snapshot folder: relative, forward slashes, no empty, `.` or `..`
 * segments. Paths come from the server, so one that could climb out of the cache is refused.
 */
export function isSafeRepoPath(file: string): boolean {
  if (file.includes('\\') || file.includes('\0')) return false;
  return file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
