import { defineCommand } from 'citty';

// Placeholder while the verb is being built; replaced before it lands.
export default defineCommand({
  meta: { name: 'engines', description: 'not built yet' },
  run() {
    throw new Error('bollyx engines is not built yet');
  },
});
