import { readJobGlossary } from '@bollyx/pipeline';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { VERBS } from '../verbs';
import { renderGlossary } from './render-glossary';

const GLOSSARY_ARGS = {
  workspace: { type: 'string', description: 'Folder for jobs (default: BOLLYX_WORKSPACE or ./bollyx-work)' },
  json: { type: 'boolean', description: 'Print the glossary as JSON' },
} as const;

const show = defineCommand({
  meta: { name: 'show', description: 'Print each name of a job’s glossary: Latin and Devanagari forms, kind, sources (tmdb, user, workspace, ner, edit)' },
  args: {
    target: { type: 'positional', description: 'Job id or folder, or the movie (its newest job)', required: true },
    ...GLOSSARY_ARGS,
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const { jobId, file, glossary } = await readJobGlossary(args.target, { workspace: args.workspace });
      if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, jobId, file, glossary })}\n`);
      else process.stdout.write(renderGlossary(jobId, file, glossary));
    }),
});

export default defineCommand({
  meta: VERBS.glossary,
  args: GLOSSARY_ARGS,
  subCommands: { show },
});
