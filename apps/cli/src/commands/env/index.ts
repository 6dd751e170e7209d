import { defineCommand } from 'citty';

export default defineCommand({ meta: { name: 'env', description: '(being built)' } });
