import { defineCommand } from 'citty';

export default defineCommand({ meta: { name: 'preflight', description: '(being built)' } });
