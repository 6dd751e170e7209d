import { defineCommand } from 'citty';

export default defineCommand({ meta: { name: 'bootstrap', description: '(being built)' } });
