import type { EventEmitter } from 'node:events';
import { join } from 'node:path';
import S3rver from 's3rver';

// A private S3-compatible server (s3rver, in this process): a loopback port picked by the system, objects
// kept as plain files in its folder, one bucket made at start. s3rver accepts only its own key pair.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface PrivateS3 {
  endpoint: string;
  region: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Where s3rver keeps the bytes of `key` (the full object key, prefix included): for corrupting it behind a store's back. */
  objectPath(key: string): string;
  /** Keys stored by a multipart upload (CompleteMultipartUpload), in order. */
  multipartKeys: string[];
  /** Stops the server; its endpoint then refuses connections. */
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 with its files in `dir` and an empty bucket `bucket`. */
export async function startPrivateS3(dir: string, bucket = 'bollyx-test'): Promise<PrivateS3> {
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  const multipartKeys: string[] = [];
  // s3rver reports a completed multipart upload as an `ObjectCreated:Post` event (the SDK never posts forms).
  // It is a Koa app, so an EventEmitter, which its published types leave out.
  (server as unknown as EventEmitter).on('event', (event: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
    for (const record of event.Records) if (record.eventName === 'ObjectCreated:Post') multipartKeys.push(record.s3.object.key);
  });
  const { port } = await server.run();
  let stopped = false;
  return {
    multipartKeys,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket,
    credentials: { ...CREDENTIALS },
    objectPath: (key) => join(dir, bucket, `${key}._S3rver_object`),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
  };
}
