import { defineCommand } from 'citty';

// Placeholder while the verb is being built; replaced before it lands.
export default defineCommand({
  meta: { name: 'subtitles', description: 'not built yet' },
  run() {
    throw new Error('bollyx subtitles is not built yet');
  },
});
