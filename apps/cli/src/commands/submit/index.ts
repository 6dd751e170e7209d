import { submitFilms } from '@bollyx/queue';
import { defineCommand } from 'citty';
import { CONFIG_FLAG_ARGS, movieSettings } from '../../output/config-flags';
import { runAction } from '../../output/run-action';
import { ARTIFACT_ARGS, artifactStoreConfig } from '../queue/artifact-args';
import { redisUrl, REDIS_ARGS } from '../queue/redis-args';
import { VERBS } from '../verbs';

export default defineCommand({
  meta: VERBS.submit,
  args: {
    media: { type: 'positional', description: 'The movies, at paths every worker sees (a shared file system), or anywhere with --artifacts (uploaded to the store)', required: true },
    ...CONFIG_FLAG_ARGS,
    ...REDIS_ARGS,
    ...ARTIFACT_ARGS,
    queue: { type: 'string', description: 'The queue to add them to (default: films)' },
    segments: { type: 'boolean', description: 'Split each film into segments on the cpu and gpu queues, by the device each stage runs best on' },
    workspace: { type: 'string', description: 'With --segments: the workers\' workspace, whose bollyx.config.yaml decides the stages (default: BOLLYX_WORKSPACE or ./bollyx-work)' },
    attempts: { type: 'string', description: 'Tries per film before it fails for good (default 3)' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      // citty keeps the first positional in `media` and all of them in `_`.
      const media = args._.length > 0 ? args._ : [args.media];
      const artifacts = artifactStoreConfig(args, 'submit');
      const ids = await submitFilms(media, {
        redis: redisUrl(args, 'submit'),
        settings: movieSettings(args),
        ...(args.queue === undefined ? {} : { queue: args.queue }),
        ...(args.segments === true ? { segments: true } : {}),
        ...(args.workspace === undefined ? {} : { workspace: args.workspace }),
        ...(args.attempts === undefined ? {} : { attempts: Number(args.attempts) }),
        ...(artifacts === undefined ? {} : { artifacts }),
      });
      if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, jobs: ids.map((id, index) => ({ id, film: media[index] })) })}\n`);
      else process.stdout.write(ids.map((id, index) => `${id}  ${media[index]}\n`).join(''));
    }),
});
