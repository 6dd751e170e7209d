const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A size as people read it (1024-based, one decimal): messages show kilobytes when a disk is nearly full. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${UNITS[unit]}`;
}
