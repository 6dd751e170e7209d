/**
 * True when a repository path matches a pattern in which `*` stands for any run of characters (slashes
 * included) and `?` for one character, as fnmatch does for huggingface_hub's `allow_patterns`.
 */
export function matchesFilePattern(file: string, pattern: string): boolean {
  const source = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(file);
}
