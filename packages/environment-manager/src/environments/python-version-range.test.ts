import { describe, expect, it } from 'vitest';
import { pythonRangeProblem, satisfiesPythonRange, suggestedPythonMinor } from './python-version-range';

describe('Python version ranges', () => {
  it.each([
    ['3.11.7', '>=3.9,<3.13', true],
    ['3.13.0', '>=3.9,<3.13', false],
    ['3.8.18', '>=3.9,<3.13', false],
    ['3.9.0', '>=3.9', true],
    ['3.12.1', '>3.12', true],
    ['3.12.0', '>3.12', false],
    ['3.10.13', '==3.10.*', true],
    ['3.11.0', '==3.10.*', false],
    ['3.10.4', '!=3.10.*', false],
    ['3.11.2', '~=3.11', true],
    ['4.0.0', '~=3.11', false],
    ['3.11.9', '~=3.11.2', true],
    ['3.12.0', '~=3.11.2', false],
    ['3.13.0rc1', '>=3.13', true],
    ['3.11.7', '<=3.11.7, >= 3.11', true],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(satisfiesPythonRange(version, range)).toBe(expected);
  });

  it('names what does not parse', () => {
    expect(pythonRangeProblem('>=3.9,<3.13')).toBeNull();
    expect(pythonRangeProblem('3.9+')).toBe('"3.9+" is not a version specifier such as >=3.9 or <3.13');
    expect(pythonRangeProblem('>=3.*')).not.toBeNull();
    expect(pythonRangeProblem('~=3')).not.toBeNull();
    expect(pythonRangeProblem('')).toBe('is empty');
    expect(() => satisfiesPythonRange('3.11.0', 'python3')).toThrow(/not a version specifier/);
  });

  it('suggests the newest minor release a range admits', () => {
    expect(suggestedPythonMinor('>=3.9,<3.13')).toBe('3.12');
    expect(suggestedPythonMinor('>=3.9,<3.12')).toBe('3.11');
    expect(suggestedPythonMinor('==3.10.4')).toBeUndefined();
    expect(suggestedPythonMinor('>=4')).toBeUndefined();
  });
});
