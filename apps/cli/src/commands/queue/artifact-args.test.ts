import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { artifactStoreConfig } from './artifact-args';

afterEach(() => vi.unstubAllEnvs());

describe('--artifacts', () => {
  it('is no store when neither the flag nor BOLLYX_ARTIFACTS is set', () => {
    vi.stubEnv('BOLLYX_ARTIFACTS', '');
    expect(artifactStoreConfig({}, 'worker')).toBeUndefined();
  });

  it('names a shared folder by its absolute path', () => {
    expect(artifactStoreConfig({ artifacts: 'shared/store' }, 'worker')).toEqual({ kind: 'folder', root: path.resolve('shared/store') });
  });

  it('names an S3 bucket and prefix, with the endpoint, region and path style from flags or BOLLYX_S3_*', () => {
    expect(artifactStoreConfig({ artifacts: 's3://bollyx-farm/films', s3Endpoint: 'http://minio.lan:9000', s3PathStyle: true }, 'submit')).toMatchObject({
      kind: 's3',
      bucket: 'bollyx-farm',
      prefix: 'films/',
      endpoint: 'http://minio.lan:9000',
      forcePathStyle: true,
    });
    vi.stubEnv('BOLLYX_ARTIFACTS', 's3://bollyx-farm');
    vi.stubEnv('BOLLYX_S3_REGION', 'eu-west-3');
    vi.stubEnv('BOLLYX_S3_PATH_STYLE', '1');
    expect(artifactStoreConfig({}, 'worker')).toMatchObject({ kind: 's3', bucket: 'bollyx-farm', prefix: '', region: 'eu-west-3', forcePathStyle: true });
  });

  it('refuses a bucket S3 cannot have as a usage error', () => {
    expect(() => artifactStoreConfig({ artifacts: 's3://b' }, 'worker')).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('s3://b is not an artifact store') }));
  });
});
