#!/usr/bin/env node
// Lints (flake8) and type-checks (mypy) the stage scripts and the library stand-ins with the settings in
// ../setup.cfg: this package's `lint`, and so `npm test`, runs it after eslint.
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

// Each tool's own command first; else Debian's Python, which has Debian's packages where a pyenv or venv
// `python3` earlier on PATH does not (Debian's python3-flake8 installs no `flake8` command).
const TOOLS = [
  { name: 'flake8', commands: [['flake8'], ['/usr/bin/python3', '-m', 'flake8']], args: ['--config', 'setup.cfg', 'python'] },
  { name: 'mypy', commands: [['mypy'], ['/usr/bin/python3', '-m', 'mypy']], args: ['--config-file', 'setup.cfg'] },
];

/** The first of the tool's commands that answers `--version`, or undefined. */
async function findCommand(tool) {
  for (const [file, ...prefix] of tool.commands) {
    const probe = await execa(file, [...prefix, '--version'], { reject: false });
    if (probe.exitCode === 0) return [file, ...prefix];
  }
  return undefined;
}

const found = await Promise.all(TOOLS.map(async (tool) => ({ tool, command: await findCommand(tool) })));
const missing = found.filter(({ command }) => command === undefined).map(({ tool }) => tool.name);
if (missing.length > 0) {
  console.error(
    `lint-python: ${missing.join(' and ')} not found, neither as a command nor as a module of /usr/bin/python3. ` +
      'Install them: sudo apt-get install python3-flake8 mypy (Debian/Ubuntu), or pip install flake8 mypy',
  );
  process.exit(1);
}

let failed = false;
for (const { tool, command } of found) {
  const [file, ...prefix] = command;
  const started = performance.now();
  const run = await execa(file, [...prefix, ...tool.args], { cwd: packageRoot, stdio: 'inherit', reject: false });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.exitCode !== 0) failed = true;
  const outcome = run.exitCode === 0 ? 'clean' : `found problems (${run.exitCode === undefined ? run.shortMessage : `exit ${run.exitCode}`})`;
  console.log(`lint-python: ${tool.name} ${outcome} in ${seconds} s`);
}
process.exitCode = failed ? 1 : 0;
