import { describe, expect, it } from 'vitest';
import { parseInstallerLine } from './installer-output';

describe('parseInstallerLine', () => {
  it('reads pip 23–25 output', () => {
    expect(parseInstallerLine('Looking in links: /tmp/wheelhouse')).toBeNull();
    expect(parseInstallerLine('Processing ./wheelhouse/bollyx_probe_pkg-1.0.0-py3-none-any.whl')).toEqual({
      kind: 'collecting',
      what: './wheelhouse/bollyx_probe_pkg-1.0.0-py3-none-any.whl',
    });
    expect(parseInstallerLine('Collecting numpy==2.0.2')).toEqual({ kind: 'collecting', what: 'numpy==2.0.2' });
    expect(parseInstallerLine('  Downloading numpy-2.0.2-cp311-cp311-manylinux_2_17_x86_64.whl (19.5 MB)')).toBeNull();
    expect(parseInstallerLine('Installing collected packages: numpy, cffi, soundfile')).toEqual({
      kind: 'installing',
      packages: ['numpy', 'cffi', 'soundfile'],
      count: 3,
    });
    expect(parseInstallerLine('Successfully installed cffi-1.17.1 numpy-2.0.2 soundfile-0.13.1')).toEqual({ kind: 'installed', count: 3 });
  });

  it('reads uv pip install output', () => {
    expect(parseInstallerLine('Using Python 3.11.7 environment at: /tmp/env')).toBeNull();
    expect(parseInstallerLine('Resolved 12 packages in 1.21s')).toEqual({ kind: 'resolved', count: 12 });
    expect(parseInstallerLine('Prepared 1 package in 3ms')).toEqual({ kind: 'installing', packages: [], count: 1 });
    expect(parseInstallerLine('Installed 12 packages in 40ms')).toEqual({ kind: 'installed', count: 12 });
    expect(parseInstallerLine(' + numpy==2.0.2')).toBeNull();
  });
});
