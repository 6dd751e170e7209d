import path from 'node:path';
import { BollyxError } from '@bollyx/errors';
import { artifactStoreConfigSchema, type ArtifactStoreConfig } from '@bollyx/queue';
import type { ArgsDef } from 'citty';

/** The artifact store films and jobs go through when the machines share no folder (worker, submit). */
export const ARTIFACT_ARGS = {
  artifacts: {
    type: 'string',
    description: 'Artifact store the films and their jobs go through, so machines share no folder: a folder every machine mounts, or s3://bucket[/prefix] (default: BOLLYX_ARTIFACTS)',
  },
  s3Endpoint: { type: 'string', description: 'S3-compatible server for s3:// stores, e.g. http://minio.lan:9000 (default: BOLLYX_S3_ENDPOINT; AWS when unset)' },
  s3Region: { type: 'string', description: 'Region of the s3:// bucket (default: BOLLYX_S3_REGION, else AWS_REGION, else us-east-1)' },
  s3PathStyle: { type: 'boolean', description: 'Path-style S3 URLs, as most self-hosted servers need (default: BOLLYX_S3_PATH_STYLE=1)' },
} as const satisfies ArgsDef;

interface ArtifactArgs {
  artifacts?: string;
  s3Endpoint?: string;
  s3Region?: string;
  s3PathStyle?: boolean;
}

/**
 * The store --artifacts (else BOLLYX_ARTIFACTS) names, undefined for none. S3 credentials are never
 * flags: the AWS SDK reads them on each machine (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles).
 */
export function artifactStoreConfig(args: ArtifactArgs, verb: string): ArtifactStoreConfig | undefined {
  const { env } = process;
  const location = args.artifacts ?? env.BOLLYX_ARTIFACTS;
  if (location === undefined || location === '') return undefined;
  if (!location.startsWith('s3://')) return { kind: 'folder', root: path.resolve(location) };
  const url = URL.parse(location);
  const prefix = url?.pathname.replace(/^\/+/, '') ?? '';
  const config = artifactStoreConfigSchema.safeParse({
    kind: 's3',
    bucket: url?.hostname,
    // A prefix names a folder of the bucket: `s3://b/farm` and `s3://b/farm/` are the same.
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    region: args.s3Region ?? env.BOLLYX_S3_REGION ?? env.AWS_REGION ?? 'us-east-1',
    forcePathStyle: args.s3PathStyle ?? env.BOLLYX_S3_PATH_STYLE === '1',
    ...((args.s3Endpoint ?? env.BOLLYX_S3_ENDPOINT) ? { endpoint: args.s3Endpoint ?? env.BOLLYX_S3_ENDPOINT } : {}),
  });
  if (!config.success) {
    throw new BollyxError('USAGE', `${verb}: ${location} is not an artifact store (${config.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`, {
      hint: `bollyx ${verb} --artifacts /mnt/shared/bollyx, or --artifacts s3://bucket/prefix --s3-endpoint http://host:9000 --s3-path-style`,
    });
  }
  return config.data;
}
