import { defineCommand } from 'citty';

export default defineCommand({
  meta: {
    name: 'models',
    description: 'List, download and verify the models bollyx runs (whisper.cpp ggml, Silero VAD, and the Hugging Face models of the Python backends)',
  },
  subCommands: {
    list: () => import('./list').then((m) => m.default),
    pull: () => import('./pull').then((m) => m.default),
    verify: () => import('./verify').then((m) => m.default),
  },
});
