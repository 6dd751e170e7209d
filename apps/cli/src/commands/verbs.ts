import type { CommandMeta } from 'citty';

/**
 * Every verb's name and one-line description, apart from the verbs themselves: `bollyx --help` lists them
 * without loading any verb (and the libraries each one imports).
 */
export const VERBS = {
  run: {
    name: 'run',
    description: 'Movie in, subtitles out: prepare a job (or resume one) and run its stages, cached and resumable',
  },
  batch: {
    name: 'batch',
    description: 'Many movies at once: a folder (or files) in, one job per film, run as many at a time as the hardware holds, ending with a table',
  },
  worker: {
    name: 'worker',
    description: 'Run films from a Redis queue (BullMQ), one machine of many: progress, retries, and a dead worker’s film goes to another',
  },
  submit: {
    name: 'submit',
    description: 'Add movies to a Redis queue (BullMQ) for `bollyx worker`s on any machine that sees the same files',
  },
  queue: {
    name: 'queue',
    description: 'The Redis film queue: status, cancel <id>, retry <id>, clean, fetch <id>, dashboard',
  },
  hw: {
    name: 'hw',
    description: 'Show this machine’s hardware profile and what bollyx will run on it',
  },
  prepare: {
    name: 'prepare',
    description: 'Check a movie with ffprobe and make a job for it: an id, a folder and a validated job.yaml',
  },
  jobs: {
    name: 'jobs',
    description: 'List the jobs of a workspace, show one (bollyx jobs show <id>), or remove what a killed prepare left (bollyx jobs clean)',
  },
  engines: {
    name: 'engines',
    description: 'Build and list the speech-recognition engines bollyx runs (whisper.cpp, built for this machine)',
  },
  models: {
    name: 'models',
    description: 'List, download and verify the models bollyx runs (whisper.cpp ggml, Silero VAD, and the Hugging Face models of the Python backends)',
  },
  subtitles: {
    name: 'subtitles',
    description: 'Work with subtitle files',
  },
  glossary: {
    name: 'glossary',
    description: 'Show a job’s glossary of names (cast, characters, your glossary files) in Latin and Devanagari, with where each came from',
  },
  env: {
    name: 'env',
    description: 'Create, check, list and remove the Python environments the heavy stages run in (whisperx, indictrans2, pyannote, mlx, common)',
  },
  bootstrap: {
    name: 'bootstrap',
    description: 'Set this machine up for bollyx: tools, the whisper.cpp engine, workspace, Python environments and models; instant when all is there',
  },
  preflight: {
    name: 'preflight',
    description: 'Check this machine before a job: tools, engine, environments, models, disk, config, secrets (cached 24 h)',
  },
  docker: {
    name: 'docker',
    description: 'Plan and build bollyx’s container images per mode (native, docker-cpu, docker-gpu), incrementally',
  },
} as const satisfies Record<string, CommandMeta>;
