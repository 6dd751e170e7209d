import type { NvidiaGpu } from './schema';

/** The fields asked of `nvidia-smi --query-gpu`, in this order. */
export const NVIDIA_SMI_FIELDS = ['index', 'name', 'memory.total', 'driver_version', 'compute_cap'] as const;

const MIB = 1024 * 1024;

/** nvidia-smi writes these when a field is unknown for a GPU. */
function present(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '' || /^\[?(N\/A|Not Supported|Unknown Error|Insufficient Permissions)\]?$/i.test(trimmed)) return null;
  return trimmed;
}

/** Splits one CSV line; nvidia-smi quotes nothing, but a quoted field with a comma must survive. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields;
}

/**
 * Parses `nvidia-smi --query-gpu=<fields> --format=csv,noheader,nounits` output. `fields` is the list that
 * was asked for (older drivers reject `compute_cap`, so it may be missing).
 */
export function parseNvidiaSmiCsv(
  csv: string,
  cudaVersion: string | null,
  fields: readonly string[] = NVIDIA_SMI_FIELDS,
): NvidiaGpu[] {
  const gpus: NvidiaGpu[] = [];
  for (const line of csv.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const values = splitCsvLine(line);
    const field = (name: string) => present(values[fields.indexOf(name)]);
    const index = Number(field('index'));
    const name = field('name');
    if (!Number.isInteger(index) || name === null) continue;
    const memoryMib = Number(field('memory.total'));
    gpus.push({
      index,
      name,
      vramBytes: field('memory.total') !== null && Number.isFinite(memoryMib) ? Math.round(memoryMib * MIB) : null,
      driverVersion: field('driver_version'),
      cudaVersion,
      computeCapability: field('compute_cap'),
      source: 'nvidia-smi',
    });
  }
  return gpus;
}

/** Reads the "CUDA Version: 12.4" that plain `nvidia-smi` prints in its header. */
export function parseCudaVersion(summary: string): string | null {
  return /CUDA Version:\s*([\d.]+)/.exec(summary)?.[1] ?? null;
}
