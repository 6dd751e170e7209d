import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { movieStageDevices } from './movie-stage-devices';
import { checkRunOptions } from './run-options';

const tempDir = useTempDirs();

const onGpu = (stages: { id: string; gpu: boolean }[]) => stages.filter((stage) => stage.gpu).map((stage) => stage.id);

describe('movieStageDevices', () => {
  it('lists the stages of the settings in order, whisper.cpp ASR on a GPU and the rest on the CPU', async () => {
    const stages = await movieStageDevices({ workspace: await tempDir(), sourceLanguage: 'en', workflow: 'transcribe', mux: false });
    expect(stages.map((stage) => stage.id)).toEqual(['names', 'demux', 'vad', 'speech-audio', 'asr', 'transcript', 'shots', 'subtitles']);
    expect(onGpu(stages)).toEqual(['asr']);
    expect(stages.find((stage) => stage.id === 'transcript')!.needs).toEqual(['asr', 'speech-audio', 'names']);
  });

  it('follows the workspace config: a text translator and alignment prefer a GPU, an MLX recogniser Metal', async () => {
    const workspace = await tempDir();
    await writeFile(path.join(workspace, 'bollyx.config.yaml'), 'translation:\n  backend: nllb\n');
    const translated = await movieStageDevices({ workspace, sourceLanguage: 'hi', targetLanguages: ['en', 'fr'], asr: 'faster-whisper', align: true });
    expect(onGpu(translated)).toEqual(['asr', 'align', 'translate-en', 'translate-fr']);
    expect(onGpu(await movieStageDevices({ workspace: await tempDir(), sourceLanguage: 'hi', asr: 'mlx' }))).toEqual(['asr', 'translate']);
  });

  it('refuses a segment with from or only before any job is made', async () => {
    await expect(checkRunOptions({ segment: ['asr'], from: 'asr' })).rejects.toMatchObject({ code: 'RUN_OPTIONS_INVALID' });
    await expect(checkRunOptions({ segment: ['asr'], only: 'vad' })).rejects.toMatchObject({ code: 'RUN_OPTIONS_INVALID' });
  });
});
