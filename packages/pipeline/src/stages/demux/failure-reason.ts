/** Lines of stderr kept in a failure message: the root cause comes first, its consequences after. */
const REASON_LINES = 3;

/** Why ffmpeg or ffprobe failed: the first lines of its stderr (run at `-loglevel error`), else execa's summary. */
export function failureReason(result: { stderr?: unknown; shortMessage?: string }): string {
  const stderr = typeof result.stderr === 'string' ? result.stderr : '';
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return result.shortMessage ?? 'exited with an error';
  return lines.slice(0, REASON_LINES).join('; ');
}
