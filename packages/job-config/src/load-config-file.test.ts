import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigFile } from './load-config-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bollyx-config-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadConfigFile', () => {
  it('parses a YAML mapping and keeps its absolute path', async () => {
    const file = path.join(dir, 'good.yaml');
    await writeFile(file, '# yaml-language-server: $schema=x\nworkflow: translate\nasr:\n  model: small\n');
    expect(await loadConfigFile(file)).toEqual({ path: file, data: { workflow: 'translate', asr: { model: 'small' } } });
  });

  it('reads an empty file as no settings', async () => {
    const file = path.join(dir, 'empty.yaml');
    await writeFile(file, '');
    expect((await loadConfigFile(file)).data).toEqual({});
  });

  it('rejects a missing file, broken YAML and a top level that is not a mapping', async () => {
    await expect(loadConfigFile(path.join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'CONFIG_FILE_NOT_FOUND' });
    const broken = path.join(dir, 'broken.yaml');
    await writeFile(broken, 'asr:\n  model: [small\n');
    await expect(loadConfigFile(broken)).rejects.toMatchObject({ code: 'CONFIG_FILE_INVALID', message: expect.stringMatching(/ at line 3, column 1$/) });
    const list = path.join(dir, 'list.yaml');
    await writeFile(list, '- workflow\n');
    await expect(loadConfigFile(list)).rejects.toMatchObject({
      code: 'CONFIG_FILE_INVALID',
      message: expect.stringContaining('its top level is a list, not a mapping'),
    });
  });
});

describe('findConfigFile', () => {
  it("reads the workspace's bollyx.config.yaml, and nothing when there is none", async () => {
    const workspace = path.join(dir, 'workspace');
    await mkdir(workspace);
    expect(await findConfigFile(workspace)).toBeUndefined();
    await writeFile(path.join(workspace, 'bollyx.config.yaml'), 'sourceLanguage: hi\n');
    expect(await findConfigFile(workspace)).toEqual({ path: path.join(workspace, 'bollyx.config.yaml'), data: { sourceLanguage: 'hi' } });
  });
});
