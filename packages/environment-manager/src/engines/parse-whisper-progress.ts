/** The percentage in a whisper-cli `--print-progress` line (`<function>: progress =  42%`), or null. */
export function parseWhisperProgress(line: string): number | null {
  const match = /^\w+: progress = +(\d{1,3})%\s*$/.exec(line);
  return match ? Number(match[1]) : null;
}
