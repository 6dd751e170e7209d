// What --translator llm asks of a model per hour of film: requests, and tokens in and out, at the default
// batch size, context window and history, with a glossary and a synopsis, against the loopback
// OpenAI-compatible server (tools/test-llm-server). A synthetic Hindi transcript of film density: about
// 900 lines an hour. Run by hand after `npm run build`:
//   node bench/llm-translate.mjs [hours]
import { JobConfigSchema } from '@bollyx/job-config';
import { createLlmClient, estimateTokens, llmTranslate } from '@bollyx/pipeline/stages';
import { importTypeScript } from '../tools/import-typescript.mjs';

const { startLoopbackLlmServer } = await importTypeScript(new URL('../tools/test-llm-server/index.ts', import.meta.url));
const hours = Number(process.argv[2] ?? 1);
const LINES_PER_HOUR = 900;
const defaults = JobConfigSchema.parse({ translation: { backend: 'llm' } }).translation.llm;

// Short and long lines, as dialogue has them; each on screen for as long as it takes to say.
const fixtures = {
  'अरे!': 'Hey!',
  'तुम कहाँ थे पूरी रात?': 'Where were you all night?',
  'मैं तुम्हारा इंतज़ार कर रहा था और तुम्हारे भाई ने कहा कि तुम मंदिर के पास थे।': 'I waited for you. Your brother said you were by the temple.',
  'राज, सिमरन को बुलाओ।': 'Raj, call Simran.',
  'बाबूजी नहीं मानेंगे, मैं जानती हूँ।': "Babuji won't agree, I know it.",
  'ठीक है।': 'Okay.',
  'कल सुबह सात बजे की गाड़ी है, देर मत करना।': "The train's at seven tomorrow. Don't be late.",
  'Sorry यार, traffic बहुत था।': 'Sorry, man, the traffic was bad.',
};
const sentences = Object.keys(fixtures);
const lines = Array.from({ length: LINES_PER_HOUR * hours }, (_, index) => {
  const text = sentences[index % sentences.length];
  return { text, duration: Math.max(1, [...text].length / 12) };
});
const glossary = {
  version: 1,
  film: { title: 'Dilwale Dulhania Le Jayenge', year: 1995, synopsis: 'Raj and Simran meet on a trip across Europe; her father has promised her to another man, and Raj follows her to Punjab to win her family over.' },
  entries: [
    ['Raj', 'राज'], ['Simran', 'सिमरन'], ['Baldev Singh', 'बलदेव सिंह'], ['Lajwanti', 'लाजवंती'], ['Kuljeet', 'कुलजीत'],
    ['Dharamvir Malhotra', 'धर्मवीर मल्होत्रा'], ['Chutki', 'छुटकी'], ['Ajit Singh', 'अजीत सिंह'], ['Punjab', 'पंजाब'], ['London', 'लंदन'],
  ].map(([latin, devanagari]) => ({ latin, devanagari, kind: 'character', translate: false, aliases: [], sources: ['tmdb'] })),
  notes: [],
};

for (const review of [false, true]) {
  const server = await startLoopbackLlmServer({ fixtures, models: [{ id: defaults.model, created: 1_730_000_000, owned_by: 'library' }] });
  const client = createLlmClient({ url: server.url, model: defaults.model, timeoutMs: defaults.timeoutMs, maxRetries: defaults.maxRetries });
  const began = performance.now();
  const result = await llmTranslate(lines, {
    client,
    setting: { source: 'hi', target: 'en', style: { maxCharsPerLine: 42, maxLines: 2, maxCharsPerSecond: 17 }, glossary },
    batchSize: defaults.batchSize,
    contextTokens: defaults.contextTokens,
    contextLines: defaults.contextLines,
    maxRetries: defaults.maxRetries,
    review,
    fallback: { name: 'none', translate: async (indices) => indices.map(() => '') },
  });
  const ms = performance.now() - began;
  const { requests, promptTokens, completionTokens } = client.usage;
  if (result.fallbacks.length > 0) throw new Error(`${result.fallbacks.length} lines fell back: ${result.fallbacks[0].reason}`);
  const perHour = (value) => Math.round(value / hours);
  // The loopback counts a token per 4 characters; Llama and Qwen tokenizers split Devanagari finer.
  const estimated = server.chats().reduce((sum, request) => sum + request.body.messages.reduce((inner, message) => inner + estimateTokens(message.content), 0), 0);
  console.log(
    `${review ? 'with --llm-review' : 'one pass        '}: ${perHour(requests)} requests, ${perHour(promptTokens)} tokens in, ${perHour(completionTokens)} out per hour of film, ` +
      `about ${perHour(estimated)} tokens in by a Devanagari-aware estimate ` +
      `(batchSize ${defaults.batchSize}, contextTokens ${defaults.contextTokens}, contextLines ${defaults.contextLines}; ${Math.round(ms)} ms client-side)`,
  );
  await server.close();
}
