import { describe, expect, it } from 'vitest';
import { parseBuildStep } from './build-step-progress';

describe('parseBuildStep', () => {
  it('reads the classic builder’s steps', () => {
    expect(parseBuildStep('Step 3/4 : COPY message.txt /file')).toEqual({ fraction: 0.5, message: 'COPY message.txt /file' });
  });

  it('reads BuildKit’s plain progress, with and without a stage name', () => {
    expect(parseBuildStep('#7 [build 2/4] RUN apt-get update')).toEqual({ fraction: 0.25, message: 'RUN apt-get update' });
    expect(parseBuildStep('#5 [1/2] FROM docker.io/library/debian:bookworm-slim')).toEqual({ fraction: 0, message: 'FROM docker.io/library/debian:bookworm-slim' });
  });

  it('reads podman’s and buildah’s steps, across the stages of a multi-stage build', () => {
    expect(parseBuildStep('STEP 2/4: COPY busybox /bin/busybox')).toEqual({ fraction: 0.25, message: 'COPY busybox /bin/busybox' });
    expect(parseBuildStep('[2/2] STEP 3/5: COPY --from=build /build/bin/whisper-cli /usr/local/bin/whisper-cli')).toEqual({
      fraction: 0.7,
      message: 'COPY --from=build /build/bin/whisper-cli /usr/local/bin/whisper-cli',
    });
  });

  it('ignores every other line', () => {
    expect(parseBuildStep(' ---> Running in 4f370b2f0553')).toBeUndefined();
    expect(parseBuildStep('#7 0.512 Reading package lists...')).toBeUndefined();
  });
});
