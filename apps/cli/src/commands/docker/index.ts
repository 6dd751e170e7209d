import { defineCommand } from 'citty';

export default defineCommand({ meta: { name: 'docker', description: '(being built)' } });
