import { nerResultSchema } from '@bollyx/python-stages';
import { inProcess } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { transcriptSchema } from '../stages/asr/transcript';
import { proposeNames } from '../stages/names/propose-names';
import { glossaryNeeds, readGlossaryNeed } from './glossary-need';
import { readJson, writeJson } from './json-file';
import { LAYOUT } from './pipeline-layout';
import { NER_BACKEND, runsNer } from './python-backends';
import { pythonStage } from './python-stage';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

/** Segments a token-classification model reads at once. */
const NER_BATCH_SIZE = 32;

/**
 * ner (optional, `names.ner`): a transformers token-classification model reads the transcript's segments
 * (names/entities.json) → propose-names: the names it heard that the glossary lacks, as a glossary for the
 * user to accept (names/proposed.json; copy an entry into names/glossary.json or a --glossary file).
 * Nothing else reads them: the subtitles never wait for the model, and an unaccepted proposal changes nothing.
 */
export function nerStages(options: ResolvedSubtitlePipelineOptions): StageDefinition[] {
  const { config } = options;
  if (!runsNer(config)) return [];
  return [
    pythonStage(options, {
      id: 'ner',
      ...NER_BACKEND,
      backend: 'transformers',
      needs: ['transcript'],
      params: { batchSize: NER_BATCH_SIZE },
      output: LAYOUT.namedEntities,
      // The text translators' device and threads: transformers on torch in the same environment.
      device: config.translation.device,
      threads: config.translation.threads,
      request: async (ctx) => {
        const transcript = await readJson(ctx.needs.transcript![0]!, transcriptSchema);
        return { texts: transcript.segments.map((segment) => segment.words.map((word) => word.text).join(' ')), batchSize: NER_BATCH_SIZE };
      },
    }),
    {
      id: 'propose-names',
      version: '1',
      needs: ['ner', 'transcript', ...glossaryNeeds(config)],
      outputs: [LAYOUT.proposedNames],
      run: inProcess(async (ctx) => {
        const { entities } = await readJson(ctx.needs.ner![0]!, nerResultSchema);
        const { segments } = await readJson(ctx.needs.transcript![0]!, transcriptSchema);
        const proposed = proposeNames(entities, segments, await readGlossaryNeed(ctx));
        ctx.log(`${proposed.entries.length} names proposed (of ${entities.length} entities found): ${LAYOUT.proposedNames}`);
        await writeJson(ctx.output(LAYOUT.proposedNames), proposed);
      }),
    },
  ];
}
