import { describe, expect, it } from 'vitest';
import { parseCudaVersion, parseNvidiaSmiCsv } from './parse-nvidia-smi';

const MIB = 1024 * 1024;

describe('parseNvidiaSmiCsv', () => {
  it('reads one H100', () => {
    const csv = '0, NVIDIA H100 80GB HBM3, 81559, 550.54.15, 9.0\n';
    expect(parseNvidiaSmiCsv(csv, '12.4')).toEqual([
      {
        index: 0,
        name: 'NVIDIA H100 80GB HBM3',
        vramBytes: 81559 * MIB,
        driverVersion: '550.54.15',
        cudaVersion: '12.4',
        computeCapability: '9.0',
        source: 'nvidia-smi',
      },
    ]);
  });

  it('reads several GPUs and keeps their order', () => {
    const csv = [
      '0, NVIDIA GeForce RTX 3060 Laptop GPU, 6144, 535.183.01, 8.6',
      '1, Tesla T4, 15360, 535.183.01, 7.5',
      '2, NVIDIA A100-SXM4-40GB, 40960, 535.183.01, 8.0',
    ].join('\n');
    const gpus = parseNvidiaSmiCsv(csv, '12.2');
    expect(gpus.map((gpu) => [gpu.index, gpu.name, gpu.vramBytes, gpu.computeCapability])).toEqual([
      [0, 'NVIDIA GeForce RTX 3060 Laptop GPU', 6144 * MIB, '8.6'],
      [1, 'Tesla T4', 15360 * MIB, '7.5'],
      [2, 'NVIDIA A100-SXM4-40GB', 40960 * MIB, '8.0'],
    ]);
  });

  it('turns N/A and [Not Supported] into null, never NaN', () => {
    const csv = '0, NVIDIA GeForce GTX 1050, [N/A], N/A, [Not Supported]\r\n1, Quadro P400, 2048, 470.239.06, 6.1\r\n';
    const [first, second] = parseNvidiaSmiCsv(csv, null);
    expect(first).toMatchObject({ vramBytes: null, driverVersion: null, computeCapability: null, cudaVersion: null });
    expect(second).toMatchObject({ vramBytes: 2048 * MIB, computeCapability: '6.1' });
  });

  it('reads the shorter field list of drivers without compute_cap', () => {
    const csv = '0, Tesla K80, 11441, 470.82.01\n';
    const [gpu] = parseNvidiaSmiCsv(csv, '11.4', ['index', 'name', 'memory.total', 'driver_version']);
    expect(gpu).toMatchObject({ name: 'Tesla K80', vramBytes: 11441 * MIB, computeCapability: null });
  });

  it('skips blank and malformed lines', () => {
    expect(parseNvidiaSmiCsv('\n\nNo devices were found\n', null)).toEqual([]);
    expect(parseNvidiaSmiCsv('', null)).toEqual([]);
  });
});

describe('parseCudaVersion', () => {
  it('reads the CUDA version from the nvidia-smi header', () => {
    const header = [
      '+-----------------------------------------------------------------------------------------+',
      '| NVIDIA-SMI 550.54.15              Driver Version: 550.54.15      CUDA Version: 12.4     |',
      '|-----------------------------------------+------------------------+----------------------+',
    ].join('\n');
    expect(parseCudaVersion(header)).toBe('12.4');
  });

  it('is null when the header has none', () => {
    expect(parseCudaVersion('NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.')).toBeNull();
  });
});
