import type { BootstrapItem } from '@bollyx/preflight';

const SYMBOLS: Readonly<Record<BootstrapItem['status'], string>> = { done: '✓', skipped: '↷', failed: '✗' };

/** One line per item: ✓ done, ↷ skipped (up to date, not needed, declined), ✗ failed, with the fix under it. */
export function renderItem(item: BootstrapItem): string {
  const line = `${SYMBOLS[item.status]} ${item.step.padEnd(12)} ${item.id.padEnd(24)} ${item.reason}\n`;
  return item.fix === undefined || item.status === 'done' ? line : `${line}    fix: ${item.fix}\n`;
}
