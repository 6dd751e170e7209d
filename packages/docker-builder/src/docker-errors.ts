import { BollyxError } from '@bollyx/errors';
import type { BuildMode } from './build-mode';

/** The image graph is not valid data (a custom graph, or specs that produce clashing images). */
export class ImageGraphInvalidError extends BollyxError {
  constructor(problems: readonly string[]) {
    super('IMAGE_GRAPH_INVALID', `The image graph is invalid: ${problems.join('; ')}`, {
      hint: 'Fix the image graph (names, parents, modes) so each image has a known parent in every mode it is built for',
      details: { problems },
    });
  }
}

/** How to get an engine on this platform. */
function installHint(): string {
  if (process.platform === 'darwin') return 'install Docker Desktop (`brew install --cask docker`) or Podman (`brew install podman && podman machine init && podman machine start`)';
  if (process.platform === 'win32') return 'install Docker Desktop (`winget install Docker.DockerDesktop`) or Podman Desktop (`winget install RedHat.Podman-Desktop`)';
  return 'install an engine: `sudo apt-get install docker.io` or `sudo apt-get install podman` (Debian/Ubuntu), `sudo dnf install podman` (Fedora), then run the command again';
}

export interface EngineProbe {
  engine: 'docker' | 'podman' | 'buildah';
  /** What went wrong: not installed, or installed but not answering (e.g. no Docker daemon). */
  problem: string;
}

/** No container engine works here (or not the one asked for with --engine). */
export class ContainerEngineMissingError extends BollyxError {
  constructor(probes: readonly EngineProbe[]) {
    const daemonDown = probes.find((probe) => probe.engine === 'docker' && !probe.problem.startsWith('not installed'));
    super('CONTAINER_ENGINE_MISSING', `No container engine is available: ${probes.map((probe) => `${probe.engine} ${probe.problem}`).join('; ')}`, {
      hint: daemonDown
        ? 'start the Docker daemon (`sudo systemctl start docker`, or open Docker Desktop) or point DOCKER_HOST at one, or use `--engine podman`'
        : installHint(),
      details: { probes },
    });
  }
}

/** The engine ran the build and it failed; the engine's own output is in the log. */
export class ImageBuildFailedError extends BollyxError {
  constructor(facts: { image: string; engine: string; exitCode?: number; lastLines: string[]; logPath: string }) {
    const reason = [...facts.lastLines].reverse().find((line) => /error|failed|returned a non-zero/i.test(line)) ?? facts.lastLines.at(-1);
    super('IMAGE_BUILD_FAILED', `${facts.engine} failed to build ${facts.image}${reason ? `: ${reason.trim()}` : ''}`, {
      hint: `Read ${facts.logPath}, fix what it reports (a network or registry problem, a changed package), then run the build again: images already built are skipped`,
      details: { ...facts },
    });
  }
}

/** The build was cancelled through its AbortSignal; images finished before that are kept. */
export class ImageBuildCancelledError extends BollyxError {
  constructor(image: string, cause: unknown) {
    super('CANCELLED', `The build of ${image} was cancelled`, {
      hint: 'Run the same build again: the images already built are skipped',
      details: { image },
      cause,
    });
  }
}

/** No image of this mode runs the stage (an in-process stage, mlx on Linux, ASR in native mode). */
export class ImageStageUnsupportedError extends BollyxError {
  constructor(stage: string, mode: BuildMode, servedStages: readonly string[], excludedReason?: string) {
    super('IMAGE_STAGE_UNSUPPORTED', `No ${mode} image runs the stage ${stage}${excludedReason ? `: ${excludedReason}` : ''}`, {
      hint: excludedReason
        ? `Run ${stage} natively (without --runtime docker)`
        : `Use a mode whose images run it (\`bollyx docker plan --mode docker-cpu\` lists them); ${mode} images run: ${servedStages.join(', ') || 'nothing'}`,
      details: { stage, mode, servedStages },
    });
  }
}

/** A file or folder an image's build context copies from the host is not there. */
export class ImageContextMissingError extends BollyxError {
  constructor(image: string, hostPath: string, cause?: unknown) {
    super('IMAGE_CONTEXT_MISSING', `The build context of ${image} needs ${hostPath}, which cannot be read`, {
      hint: 'Restore the file (`npm ci` brings the pinned sources and stage scripts back), or fix the path in the image graph',
      details: { image, hostPath },
      cause,
    });
  }
}

/** A context file changed between planning and writing: the plan's tag no longer names what would be built. */
export class ImageContextChangedError extends BollyxError {
  constructor(image: string) {
    super('IMAGE_CONTEXT_CHANGED', `The build context of ${image} changed after it was planned`, {
      hint: 'Run the command again: it plans from the files as they are now',
      details: { image },
    });
  }
}

/** The output folder holds files bollyx did not write: nothing is overwritten. */
export class ImageOutputDirForeignError extends BollyxError {
  constructor(outDir: string) {
    super('IMAGE_OUTPUT_DIR_FOREIGN', `${outDir} already holds files that bollyx did not write`, {
      hint: 'Choose an empty or new folder with --out (or one an earlier `bollyx docker build` wrote)',
      details: { outDir },
    });
  }
}
