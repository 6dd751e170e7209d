// Slaney's mel scale as librosa implements it (htk=False): linear below 1 kHz, logarithmic above.
const MEL_LINEAR_STEP_HZ = 200 / 3;
const MEL_LOG_START_HZ = 1000;
const MEL_LOG_START = MEL_LOG_START_HZ / MEL_LINEAR_STEP_HZ;
const MEL_LOG_STEP = Math.log(6.4) / 27;

function hzToMel(hz: number): number {
  return hz < MEL_LOG_START_HZ
    ? hz / MEL_LINEAR_STEP_HZ
    : MEL_LOG_START + Math.log(hz / MEL_LOG_START_HZ) / MEL_LOG_STEP;
}

function melToHz(mel: number): number {
  return mel < MEL_LOG_START
    ? mel * MEL_LINEAR_STEP_HZ
    : MEL_LOG_START_HZ * Math.exp(MEL_LOG_STEP * (mel - MEL_LOG_START));
}

/**
 * The triangular, area-normalised mel filter bank Whisper ships in `mel_filters.npz`
 * (`librosa.filters.mel(sr, n_fft, n_mels)`): `nMels` rows of `nFft / 2 + 1` weights, row-major.
 */
export function melFilterBank(sampleRate: number, nFft: number, nMels: number): Float32Array {
  const nBins = nFft / 2 + 1;
  const binHz = Array.from({ length: nBins }, (_, bin) => (bin * sampleRate) / 2 / (nBins - 1));
  const maxMel = hzToMel(sampleRate / 2);
  const edgesHz = Array.from({ length: nMels + 2 }, (_, i) => melToHz((i * maxMel) / (nMels + 1)));

  const weights = new Float32Array(nMels * nBins);
  for (let mel = 0; mel < nMels; mel++) {
    const [lower, centre, upper] = [edgesHz[mel]!, edgesHz[mel + 1]!, edgesHz[mel + 2]!];
    const areaNorm = 2 / (upper - lower);
    for (let bin = 0; bin < nBins; bin++) {
      const hz = binHz[bin]!;
      const rising = (hz - lower) / (centre - lower);
      const falling = (upper - hz) / (upper - centre);
      weights[mel * nBins + bin] = Math.max(0, Math.min(rising, falling)) * areaNorm;
    }
  }
  return weights;
}
