import { describe, expect, it } from 'vitest';
import { jobConfigJsonSchema, jobFileJsonSchema } from './json-schema';

const asFile = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;

// The package ships these files for editors; regenerate them with `npx vitest run -u src/json-schema`.
describe('shipped JSON Schemas', () => {
  it('schema/job-config.schema.json matches the zod schema', async () => {
    await expect(asFile(jobConfigJsonSchema())).toMatchFileSnapshot('../schema/job-config.schema.json');
  });

  it('schema/job.schema.json matches the zod schema', async () => {
    await expect(asFile(jobFileJsonSchema())).toMatchFileSnapshot('../schema/job.schema.json');
  });

  it('offers every config field optional, with its default, for completion', () => {
    const schema = jobConfigJsonSchema() as { required?: string[]; properties: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown; description?: string }> }> };
    expect(schema.required ?? []).toEqual([]);
    expect(schema.properties.workflow?.default).toBe('subtitle');
    expect(schema.properties.asr?.properties?.model).toMatchObject({ default: 'base', description: expect.stringContaining('ggml') });
  });
});
