import { describe, expect, it } from 'vitest';
import { parseToolVersion, versionAtLeast } from './tool-version';

describe('parseToolVersion', () => {
  it('reads the version from the first line each tool prints', () => {
    expect(parseToolVersion('ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers')).toBe('5.1.6');
    expect(parseToolVersion('ffmpeg version n7.0.2 Copyright (c) 2000-2024 the FFmpeg developers')).toBe('7.0.2');
    expect(parseToolVersion('ffmpeg version 6.1-static https://johnvansickle.com/ffmpeg/  Copyright (c) 2000-2023')).toBe('6.1');
    expect(parseToolVersion('cmake version 3.25.1')).toBe('3.25.1');
    expect(parseToolVersion('g++ (Debian 12.2.0-14) 12.2.0')).toBe('12.2.0');
    expect(parseToolVersion('Apple clang version 15.0.0 (clang-1500.3.9.4)')).toBe('15.0.0');
    expect(parseToolVersion('GNU Make 4.3')).toBe('4.3');
    expect(parseToolVersion('Python 3.11.7')).toBe('3.11.7');
  });

  it('reads a build from git as no version: newer than any release', () => {
    expect(parseToolVersion('ffmpeg version N-113245-g1a2b3c4d5e Copyright (c) 2000-2024 the FFmpeg developers')).toBeNull();
    expect(parseToolVersion('ffmpeg version git-2024-01-15-abc1234 Copyright (c) 2000-2024')).toBeNull();
  });
});

describe('versionAtLeast', () => {
  it('compares number by number, missing numbers as 0', () => {
    expect(versionAtLeast('4.2', '4.2')).toBe(true);
    expect(versionAtLeast('4.2.0', '4.2')).toBe(true);
    expect(versionAtLeast('4.10', '4.2')).toBe(true);
    expect(versionAtLeast('4.1.9', '4.2')).toBe(false);
    expect(versionAtLeast('3.99', '4.2')).toBe(false);
    expect(versionAtLeast('10.0', '4.2')).toBe(true);
  });
});
