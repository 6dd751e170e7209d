import { defineCommand } from 'citty';

export default defineCommand({
  meta: {
    name: 'docker',
    description: 'Plan and build bollyx’s container images per mode (native, docker-cpu, docker-gpu), incrementally',
  },
  subCommands: {
    build: () => import('./build').then((m) => m.default),
    plan: () => import('./plan').then((m) => m.default),
  },
});
