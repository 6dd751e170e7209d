import { defineCommand } from 'citty';

// Placeholder while the verb is being built; replaced before it lands.
export default defineCommand({
  meta: { name: 'models', description: 'not built yet' },
  run() {
    throw new Error('bollyx models is not built yet');
  },
});
