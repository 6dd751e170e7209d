import { readFile, writeFile } from 'node:fs/promises';
import { inProcess, runPipeline, type StageDefinition } from '@bollyx/stage-runner';
import { parseSrt } from '@bollyx/subtitles';

/** Two in-process stages: the words of a subtitle file, then how often each is used, most used first. */
const wordCountStages = (srt: string): StageDefinition[] => [
  {
    id: 'words',
    version: '1',
    inputs: [srt],
    outputs: ['words.json'],
    run: inProcess(async (ctx) => {
      const cues = parseSrt(await readFile(ctx.inputs[0]!, 'utf8'));
      const words = cues.flatMap((cue) => cue.lines.join(' ').toLowerCase().match(/[\p{L}\p{M}']+/gu) ?? []);
      await writeFile(ctx.output('words.json'), JSON.stringify(words));
    }),
  },
  {
    id: 'counts',
    version: '1',
    needs: ['words'],
    outputs: ['counts.json'],
    run: inProcess(async (ctx) => {
      const words = JSON.parse(await readFile(ctx.needs['words']![0]!, 'utf8')) as string[];
      const counts = new Map<string, number>();
      for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
      await writeFile(ctx.output('counts.json'), JSON.stringify([...counts].sort((a, b) => b[1] - a[1])));
    }),
  },
];

/**
 * Counts the words of `srt` in a pipeline of its own in `jobDir`, twice: the second run finds both
 * stages cached (same input file, same code version), as a re-run of a bollyx job does.
 */
export async function countWords(srt: string, jobDir: string): Promise<void> {
  const stages = wordCountStages(srt);
  const first = await runPipeline(stages, { jobDir });
  const again = await runPipeline(stages, { jobDir });
  const statuses = (summary: typeof first) => summary.stages.map((stage) => `${stage.id} ${stage.status}`).join(', ');
  console.log(`word count: ${statuses(first)}; again: ${statuses(again)}`);
  if (again.stages.some((stage) => stage.status !== 'cached')) throw new Error('the second word count ran again instead of using its cache');
  const counts = JSON.parse(await readFile(`${jobDir}/counts.json`, 'utf8')) as [string, number][];
  console.log('most used English words:', counts.slice(0, 5));
}
