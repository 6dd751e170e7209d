import { describe, expect, it } from 'vitest';
import { BollyxError, isBollyxError } from './index';

class MediaMissingError extends BollyxError {
  constructor(path: string) {
    super('MEDIA_NOT_FOUND', `No file at ${path}`, { hint: 'Check the path', details: { path } });
  }
}

describe('BollyxError', () => {
  it('carries code, hint, details and the subclass name', () => {
    const error = new MediaMissingError('/x.mp4');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MediaMissingError');
    expect(error.toJSON()).toEqual({
      name: 'MediaMissingError',
      code: 'MEDIA_NOT_FOUND',
      message: 'No file at /x.mp4',
      hint: 'Check the path',
      details: { path: '/x.mp4' },
    });
  });

  it('is recognised by brand, not by prototype', () => {
    expect(isBollyxError(new MediaMissingError('a'))).toBe(true);
    expect(isBollyxError(new Error('plain'))).toBe(false);
    expect(isBollyxError({ code: 'X', message: 'y' })).toBe(false);
    expect(isBollyxError(null)).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new Error('inner');
    expect(new BollyxError('X', 'outer', { cause }).cause).toBe(cause);
  });
});
