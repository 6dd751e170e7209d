import { describe, expect, it } from 'vitest';
import { parseCmakeProgress } from './cmake-progress';

describe('parseCmakeProgress', () => {
  it('reads the percentage of Makefiles progress lines', () => {
    expect(parseCmakeProgress('[  2%] Building C object ggml/src/CMakeFiles/ggml-base.dir/ggml.c.o')).toBe(2);
    expect(parseCmakeProgress('[ 94%] Linking CXX static library libcommon.a')).toBe(94);
    expect(parseCmakeProgress('[100%] Built target whisper-cli')).toBe(100);
  });

  it('ignores every other line', () => {
    expect(parseCmakeProgress('-- Configuring done')).toBeNull();
    expect(parseCmakeProgress('src/whisper.cpp:12: warning: [ 50%] is not a progress line here')).toBeNull();
    expect(parseCmakeProgress('[12/80] Building CXX object src/whisper.cpp.o')).toBeNull();
  });
});
