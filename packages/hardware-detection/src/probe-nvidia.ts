import { execa } from 'execa';
import { NVIDIA_SMI_FIELDS, parseCudaVersion, parseNvidiaSmiCsv } from './parse-nvidia-smi';
import type { NvidiaGpu } from './schema';
import { withTimeout } from './with-timeout';

interface ProbeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

async function nvidiaSmi(args: string[], options: ProbeOptions): Promise<string> {
  const run = execa('nvidia-smi', args, {
    timeout: options.timeoutMs,
    cancelSignal: options.signal,
    stdin: 'ignore',
  });
  return (await withTimeout(run, options.timeoutMs, 'nvidia-smi')).stdout;
}

async function queryGpus(options: ProbeOptions): Promise<{ csv: string; fields: readonly string[] }> {
  const query = (fields: readonly string[]) =>
    nvidiaSmi([`--query-gpu=${fields.join(',')}`, '--format=csv,noheader,nounits'], options);
  try {
    return { csv: await query(NVIDIA_SMI_FIELDS), fields: NVIDIA_SMI_FIELDS };
  } catch (error) {
    // Drivers before 510 reject the compute_cap field; ask again without it.
    if (!String((error as { stdout?: string }).stdout ?? '').includes('compute_cap')) throw error;
    const fields = NVIDIA_SMI_FIELDS.filter((field) => field !== 'compute_cap');
    return { csv: await query(fields), fields };
  }
}

/** NVIDIA GPUs through nvidia-smi; any failure (not installed, no driver, timeout) means none. */
async function probeWithNvidiaSmi(options: ProbeOptions): Promise<NvidiaGpu[] | null> {
  try {
    const [{ csv, fields }, summary] = await Promise.all([queryGpus(options), nvidiaSmi([], options)]);
    return parseNvidiaSmiCsv(csv, parseCudaVersion(summary), fields);
  } catch {
    return null;
  }
}

/** When nvidia-smi cannot answer, the PCI/driver view of systeminformation may still name the GPU. */
async function probeWithSystemInformation(options: ProbeOptions): Promise<NvidiaGpu[]> {
  try {
    const si = await import('systeminformation');
    const graphics = await withTimeout(si.graphics(), options.timeoutMs, 'systeminformation.graphics');
    return graphics.controllers
      .filter((controller) => /nvidia/i.test(`${controller.vendor} ${controller.model}`))
      .map((controller, index) => ({
        index,
        name: controller.model,
        vramBytes: controller.vram ? controller.vram * 1024 * 1024 : null,
        driverVersion: controller.driverVersion || null,
        cudaVersion: null,
        computeCapability: null,
        source: 'systeminformation' as const,
      }));
  } catch {
    return [];
  }
}

export async function probeNvidiaGpus(options: ProbeOptions): Promise<NvidiaGpu[]> {
  return (await probeWithNvidiaSmi(options)) ?? (await probeWithSystemInformation(options));
}
