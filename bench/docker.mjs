// Planning and writing bollyx's images: the default graph (specs, pinned whisper.cpp source), tags for
// every mode (hashing every context file, ~35 MB of whisper.cpp source), writing the build folders and
// bake file cold and again (kept when they hold the tag), and engine detection.
// Run by hand after `npm run build`:
//   node bench/docker.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultImageGraph, detectEngine, planBuilds, writeBuildFiles } from '@bollyx/docker-builder';

const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-docker-'));
const show = (label, started, note = '') => console.log(`${label.padEnd(56)} ${(performance.now() - started).toFixed(0).padStart(7)} ms${note}`);
const modes = ['native', 'docker-cpu', 'docker-gpu'];

try {
  let started = performance.now();
  const graph = await defaultImageGraph();
  show('defaultImageGraph', started, `  (${graph.nodes.length} images)`);
  started = performance.now();
  const plans = await planBuilds(modes, graph);
  show('planBuilds, 3 modes (hash every context file)', started);
  for (const plan of plans) console.log(`  ${plan.mode.padEnd(11)} ${String(plan.images.length).padStart(2)} images, estimated ${(plan.estimatedTotalMb / 1024).toFixed(1)} GB`);
  started = performance.now();
  await writeBuildFiles(plans, { outDir: work });
  show('writeBuildFiles, cold (copies the build contexts)', started);
  started = performance.now();
  await writeBuildFiles(await planBuilds(modes, graph), { outDir: work });
  show('planBuilds + writeBuildFiles again (folders kept)', started);
  started = performance.now();
  const engine = await detectEngine().catch((error) => ({ engine: 'none', builder: error.code }));
  show('detectEngine', started, `  (${engine.engine}, ${engine.builder})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
