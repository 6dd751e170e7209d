/** The percentage in a CMake Makefiles progress line (`[ 42%] Building CXX object …`), or null. */
export function parseCmakeProgress(line: string): number | null {
  const match = /^\[\s*(\d{1,3})%\]/.exec(line);
  return match ? Number(match[1]) : null;
}
