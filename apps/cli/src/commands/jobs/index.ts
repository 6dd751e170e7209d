import { defineCommand } from 'citty';

// Placeholder while the verb is being built; replaced before it lands.
export default defineCommand({
  meta: { name: 'jobs', description: 'not built yet' },
  run() {
    throw new Error('bollyx jobs is not built yet');
  },
});
