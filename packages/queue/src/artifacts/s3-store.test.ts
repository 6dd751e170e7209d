import { describe, expect, it } from 'vitest';
import { startPrivateS3 } from '../../../../tools/test-s3';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { s3Store } from './s3-store';

const tempDir = useTempDirs();

describe('s3Store', () => {
  it('names the store in errors without its credentials or the password in its endpoint', async () => {
    const gone = await startPrivateS3(await tempDir());
    await gone.stop();
    const endpoint = gone.endpoint.replace('http://', 'http://operator:endpoint-password@');
    const store = s3Store({ endpoint, region: gone.region, bucket: gone.bucket, prefix: 'bollyx/', forcePathStyle: true, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-key-example' }, maxAttempts: 1 });
    expect(store.location).toBe(`s3://${gone.bucket}/bollyx/ at ${gone.endpoint}`);
    const error = await store.has('jobs/a').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ARTIFACT_STORE_UNREACHABLE' });
    const shown = JSON.stringify({ message: (error as Error).message, error });
    for (const secret of ['endpoint-password', 'operator', 'AKIDEXAMPLE', 'secret-key-example']) expect(shown).not.toContain(secret);
  });

  it('refuses parts smaller than S3 allows', () => {
    expect(() => s3Store({ region: 'us-east-1', bucket: 'bollyx-test', partSizeBytes: 1024 * 1024 })).toThrow(/partSizeBytes/);
  });
});
