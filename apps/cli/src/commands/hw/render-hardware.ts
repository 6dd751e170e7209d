import type { HardwareProfile, Recommendation } from '@bollyx/hardware-detection';
import { formatBytes, formatDuration, formatTable } from '../../output/format';

function describeGpus(profile: HardwareProfile): string[][] {
  if (profile.appleSilicon) return [['GPU', `${profile.appleSilicon.chip} (Metal)`]];
  if (profile.nvidiaGpus.length === 0) return [['GPU', 'no NVIDIA GPU found']];
  return profile.nvidiaGpus.map((gpu) => [
    `GPU ${gpu.index}`,
    [
      gpu.name,
      gpu.vramBytes === null ? null : formatBytes(gpu.vramBytes),
      gpu.driverVersion && `driver ${gpu.driverVersion}`,
      gpu.cudaVersion && `CUDA ${gpu.cudaVersion}`,
      gpu.computeCapability && `compute ${gpu.computeCapability}`,
    ]
      .filter(Boolean)
      .join(', '),
  ]);
}

/** The readable `bollyx hw` report. */
export function renderHardware(profile: HardwareProfile, recommendation: Recommendation): string {
  const age = Date.now() - Date.parse(profile.detectedAt);
  const hardware = formatTable([
    ['OS', `${profile.os.platform} ${profile.os.release} (${profile.os.arch})`],
    ['CPU', `${profile.cpu.model}: ${profile.cpu.physicalCores} cores, ${profile.cpu.threads} threads`],
    ['Memory', `${formatBytes(profile.memory.totalBytes)} total, ${formatBytes(profile.memory.availableBytes)} available`],
    ['Disk', profile.disk.freeBytes === null ? `unknown at ${profile.disk.path}` : `${formatBytes(profile.disk.freeBytes)} free at ${profile.disk.path}`],
    ...describeGpus(profile),
  ]);
  const settings = formatTable([
    ['Whisper model', recommendation.whisperModel.value, recommendation.whisperModel.reason],
    ['Compute type', recommendation.computeType.value, recommendation.computeType.reason],
    ['Threads', String(recommendation.threads.value), recommendation.threads.reason],
    ['Batch size', String(recommendation.batchSize.value), recommendation.batchSize.reason],
  ]);
  const devices = formatTable(
    Object.entries(recommendation.stages).map(([family, stage]) => [
      family,
      [stage.device, ...stage.fallback].join(' → '),
      stage.reason,
    ]),
  );
  return [
    `Hardware (detected ${formatDuration(age)} ago in ${formatDuration(profile.detectionMs)}; --refresh detects again)`,
    hardware,
    '',
    'Recommended',
    settings,
    '',
    'Devices per stage (with fallback)',
    devices,
    '',
  ].join('\n');
}
