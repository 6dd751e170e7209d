import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes an `nvidia-smi` whose shell body is `script` into `dir/bin` and returns that folder, to put first
 * on PATH: the test machines have no NVIDIA GPU, so the tool is the one outside part that cannot run here
 * for real. The script must answer as the real tool does (`--query-gpu=… --format=csv,noheader,nounits`,
 * and the summary table without arguments).
 */
export async function fakeNvidiaSmi(dir: string, script: string): Promise<string> {
  const bin = path.join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  const file = path.join(bin, 'nvidia-smi');
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return bin;
}

/** The script of an `nvidia-smi` on a machine with `count` H100s, driver 550 and CUDA 12.4. */
export function nvidiaSmiWithH100s(count: number): string {
  const rows = Array.from({ length: count }, (_, index) => `${index}, NVIDIA H100 80GB HBM3, 81559, 550.54.15, 9.0\\n`).join('');
  return `
case "$1" in
  --query-gpu=*) printf '${rows}' ;;
  *) echo '| NVIDIA-SMI 550.54.15    Driver Version: 550.54.15    CUDA Version: 12.4     |' ;;
esac`;
}
