// Dockerfile text of the default images. Base images are pinned by tag; every final stage ends as the
// unprivileged user `bollyx`, holds no compilers, and leaves no apt lists or pip caches behind.

const DEBIAN_IMAGE = 'debian:bookworm-slim';
const NODE_IMAGE = 'node:20.19.5-bookworm-slim';
const CUDA_RUNTIME_IMAGE = 'nvidia/cuda:12.8.1-runtime-ubuntu22.04';
const CUDA_DEVEL_IMAGE = 'nvidia/cuda:12.8.1-devel-ubuntu22.04';
/** NVIDIA GPU generations the CUDA whisper-cli is compiled for: Turing to Hopper. */
const CUDA_ARCHITECTURES = '75;80;86;89;90';

/** Where the Python images keep their virtual environment and the bollyx stage scripts. */
export const CONTAINER_VENV = '/opt/bollyx/venv';
export const CONTAINER_PYTHON_DIR = '/opt/bollyx/python';
export const CONTAINER_WHISPER_CLI = '/usr/local/bin/whisper-cli';
const USER = 'bollyx';
const USER_ID = 10001;

function aptInstall(packages: readonly string[]): string {
  return `apt-get update \\
 && apt-get install -y --no-install-recommends ${packages.join(' ')} \\
 && rm -rf /var/lib/apt/lists/*`;
}

/** The ffmpeg + Node runtime every other image builds on: Debian slim, or the CUDA runtime (not devel). */
export function runtimeBaseDockerfile(flavor: 'debian' | 'cuda'): string {
  return `FROM ${NODE_IMAGE} AS node

FROM ${flavor === 'cuda' ? CUDA_RUNTIME_IMAGE : DEBIAN_IMAGE}
ARG DEBIAN_FRONTEND=noninteractive
# Only the node binary: npm and the headers stay in the node image.
COPY --from=node /usr/local/bin/node /usr/local/bin/node
RUN ${aptInstall(['ffmpeg', 'ca-certificates'])} \\
 && useradd --create-home --uid ${USER_ID} --user-group ${USER} \\
 && node --version && ffmpeg -hide_banner -version
USER ${USER}
WORKDIR /home/${USER}
`;
}

/** Python and a virtual environment with the requirements several environments share (no torch). */
export function pythonBaseDockerfile(sharedRequirements: boolean): string {
  return `FROM {{parent}}
USER root
ARG DEBIAN_FRONTEND=noninteractive
RUN ${aptInstall(['python3', 'python3-venv'])} \\
 && python3 -m venv ${CONTAINER_VENV}
ENV PATH=${CONTAINER_VENV}/bin:$PATH \\
    VIRTUAL_ENV=${CONTAINER_VENV} \\
    PYTHONUNBUFFERED=1
${
  sharedRequirements
    ? `COPY requirements.txt /opt/bollyx/requirements/base-ml.txt
RUN pip install --no-cache-dir --disable-pip-version-check --prefer-binary -r /opt/bollyx/requirements/base-ml.txt
`
    : ''
}USER ${USER}
`;
}

/** One environment spec's requirements, its import probes run at build time, and its stage scripts. */
export function pythonEnvironmentDockerfile(name: string, probes: readonly string[], withScripts: boolean): string {
  return `FROM {{parent}}
USER root
COPY requirements.txt /opt/bollyx/requirements/${name}.txt
RUN pip install --no-cache-dir --disable-pip-version-check --prefer-binary -r /opt/bollyx/requirements/${name}.txt
# The spec's probes: an image that cannot import its backends fails here, not in a job.
RUN ${JSON.stringify(['python', '-c', `import ${probes.join(', ')}`])}
${withScripts ? `COPY python/ ${CONTAINER_PYTHON_DIR}/\n` : ''}USER ${USER}
`;
}

/**
 * whisper-cli compiled from the pinned whisper.cpp source in a builder stage (compilers, CMake, the CUDA
 * toolkit stay there); the runtime stage gets the one binary. Portable CPU code: images move between CPUs.
 */
export function whisperCliDockerfile(flavor: 'cpu' | 'cuda', cmakeFlags: readonly string[]): string {
  const flags = flavor === 'cuda' ? [...cmakeFlags, '-DGGML_CUDA=ON', `-DCMAKE_CUDA_ARCHITECTURES=${CUDA_ARCHITECTURES}`] : cmakeFlags;
  return `FROM ${flavor === 'cuda' ? CUDA_DEVEL_IMAGE : DEBIAN_IMAGE} AS build
ARG DEBIAN_FRONTEND=noninteractive
RUN ${aptInstall(['cmake', 'make', 'g++'])}
COPY whisper.cpp/ /src/whisper.cpp/
RUN cmake -S /src/whisper.cpp -B /build ${flags.map((flag) => JSON.stringify(flag)).join(' ')} \\
 && cmake --build /build --target whisper-cli -j "$(nproc)"

FROM {{parent}}
USER root
ARG DEBIAN_FRONTEND=noninteractive
RUN ${aptInstall(['libgomp1'])}
COPY --from=build /build/bin/whisper-cli ${CONTAINER_WHISPER_CLI}
${
  // Without a GPU driver (build machines) the CUDA binary cannot start; the CPU one proves itself here.
  flavor === 'cpu' ? `RUN ["whisper-cli", "--version"]\n` : ''
}USER ${USER}
`;
}

/** The VAD stage's code (with onnxruntime-web, whose install fetches nothing), installed from npm in a builder stage. */
export function nodeStagesDockerfile(pipelineVersion: string): string {
  return `FROM ${NODE_IMAGE} AS build
WORKDIR /opt/bollyx/node
RUN npm install --omit=dev --no-audit --no-fund @bollyx/pipeline@${pipelineVersion} \\
 && npm cache clean --force

FROM {{parent}}
COPY --from=build /opt/bollyx/node /opt/bollyx/node
ENV NODE_PATH=/opt/bollyx/node/node_modules
`;
}

/** The docker CLI the worker image carries: its films' stages run as sibling containers on the host's engine. */
const DOCKER_CLI_IMAGE = 'docker:27.5.1-cli';

/**
 * The queue worker (`bollyx worker`): the bollyx CLI from npm, installed in a builder stage (the runtime
 * base has node but no npm), and the docker CLI, on a runtime base (`base` or `base-cuda`).
 */
export function workerDockerfile(parentRef: string, cliVersion: string): string {
  return `FROM ${NODE_IMAGE} AS build
WORKDIR /opt/bollyx/cli
RUN npm install --omit=dev --no-audit --no-fund @bollyx/cli@${cliVersion} \\
 && npm cache clean --force

FROM ${parentRef}
COPY --from=${DOCKER_CLI_IMAGE} /usr/local/bin/docker /usr/local/bin/docker
COPY --from=build /opt/bollyx/cli /opt/bollyx/cli
ENTRYPOINT ["node", "/opt/bollyx/cli/node_modules/@bollyx/cli/bin/bollyx.js"]
`;
}
