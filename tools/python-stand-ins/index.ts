import { fileURLToPath } from 'node:url';

/** The folder of the stand-in outside libraries (faster_whisper, torch, …) that tests put on PYTHONPATH; never published. */
export const pythonStandInsDir = fileURLToPath(new URL('../../packages/python-stages/python/stand-ins', import.meta.url));
