/** Exit codes for the container image error codes (see ../exit-codes.ts for the ranges). */
export const dockerExitCodes: Readonly<Record<string, number>> = {
  /** No docker (with a daemon), podman or buildah answered; the hint says what to install or start. */
  CONTAINER_ENGINE_MISSING: 80,
  /** The engine failed to build an image; its output is in the build log. */
  IMAGE_BUILD_FAILED: 81,
  /** A container stage's image is not built (`bollyx docker build --mode …`). */
  CONTAINER_IMAGE_MISSING: 82,
  /** No image of the mode runs the stage (mlx on Linux, ASR in native mode). */
  IMAGE_STAGE_UNSUPPORTED: 83,
  /** The image graph or its build context is broken: a bad graph, a context file missing or changed while planning. */
  IMAGE_GRAPH_INVALID: 84,
  IMAGE_CONTEXT_MISSING: 84,
  IMAGE_CONTEXT_CHANGED: 84,
  /** --out names a folder holding files bollyx did not write: nothing was overwritten. */
  IMAGE_OUTPUT_DIR_FOREIGN: 85,
};
