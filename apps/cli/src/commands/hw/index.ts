import { defineCommand } from 'citty';

// Placeholder while the verb is being built; replaced before it lands.
export default defineCommand({
  meta: { name: 'hw', description: 'not built yet' },
  run() {
    throw new Error('bollyx hw is not built yet');
  },
});
