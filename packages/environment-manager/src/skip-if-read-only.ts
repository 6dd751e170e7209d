/**
 * Awaits a write that only saves later work (a digest record): on a read-only shared cache (an air-gapped
 * site's network share) it is skipped, and what it would have sped up still works, just without the shortcut.
 */
export async function skipIfReadOnly(write: Promise<void>): Promise<void> {
  try {
    await write;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
  }
}
