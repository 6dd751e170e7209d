import { describe, expect, it } from 'vitest';
import { filmFromFileName } from './film-from-file-name';

describe('filmFromFileName', () => {
  it('reads the title and year as releases name films', () => {
    expect(filmFromFileName('/films/Dil Se (1998).mkv')).toEqual({ title: 'Dil Se', year: 1998 });
    expect(filmFromFileName('Dil.Se.1998.1080p.BluRay.x264.mkv')).toEqual({ title: 'Dil Se', year: 1998 });
    expect(filmFromFileName('dil_se_1998.mp4')).toEqual({ title: 'dil se', year: 1998 });
    expect(filmFromFileName('Dil Se [1998] Hindi.mkv')).toEqual({ title: 'Dil Se', year: 1998 });
    expect(filmFromFileName('1942 A Love Story (1994).mkv')).toEqual({ title: '1942 A Love Story', year: 1994 });
    expect(filmFromFileName('Sholay.mp4')).toEqual({ title: 'Sholay' });
  });
});
