import type { ToolRequirement } from './tool-check';

// `-progress pipe:1` reports `out_time_us` (which the demux and mux progress reads) since FFmpeg 4.2.
const FFMPEG_MINIMUM = { version: '4.2', reason: 'bollyx follows ffmpeg’s progress by its out_time_us reports, added in FFmpeg 4.2' };

export const FFMPEG: ToolRequirement = {
  id: 'ffmpeg',
  label: 'ffmpeg',
  names: ['ffmpeg'],
  versionArgs: ['-version'],
  minimum: FFMPEG_MINIMUM,
  why: 'bollyx extracts the audio and muxes the subtitles into the video with ffmpeg',
  install: 'ffmpeg',
};

export const FFPROBE: ToolRequirement = {
  id: 'ffprobe',
  label: 'ffprobe',
  names: ['ffprobe'],
  versionArgs: ['-version'],
  minimum: { version: FFMPEG_MINIMUM.version, reason: `ffprobe comes with ffmpeg, and bollyx needs FFmpeg ${FFMPEG_MINIMUM.version} or later` },
  why: 'bollyx reads the media’s streams, languages and duration with ffprobe',
  install: 'ffmpeg',
};

/** The build tools of the whisper.cpp engine; checked only when the engine has to be built. */
export const CMAKE: ToolRequirement = {
  id: 'cmake',
  label: 'CMake',
  names: ['cmake'],
  versionArgs: ['--version'],
  minimum: { version: '3.14', reason: 'the project bollyx builds whisper.cpp with requires CMake 3.14' },
  why: 'the whisper.cpp engine is built from source with CMake',
  install: 'cmake',
};

export const MAKE: ToolRequirement = {
  id: 'make',
  label: 'make',
  names: ['make'],
  versionArgs: ['--version'],
  why: 'CMake drives the whisper.cpp build with make',
  install: 'make',
};

/** CXX first, as CMake itself prefers it. */
export function cxxRequirement(env: Readonly<Record<string, string | undefined>>): ToolRequirement {
  return {
    id: 'c++',
    label: 'a C++ compiler (c++, g++ or clang++)',
    names: [...(env.CXX ? [env.CXX] : []), 'c++', 'g++', 'clang++'],
    versionArgs: ['--version'],
    why: 'whisper.cpp is C++17 compiled on this machine for its CPU',
    install: 'c++',
  };
}
