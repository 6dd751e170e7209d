import path from 'node:path';

/** What a film's file name says about it. */
export interface FilmFromFileName {
  title: string;
  year?: number;
}

const YEAR = /^(19\d\d|20\d\d)$/;

/**
 * The title and year in a film's file name, as releases are named: `Dil Se (1998).mkv`,
 * `Dil.Se.1998.1080p.mkv`, `dil_se_1998.mp4`, `Dil Se [1998] Hindi.mkv`. The year is the last
 * 19xx/20xx word after the first; the title is what comes before it (the whole stem when there is none).
 */
export function filmFromFileName(file: string): FilmFromFileName | undefined {
  const stem = path.basename(file, path.extname(file));
  const words = stem
    .replace(/[._]+/g, ' ')
    .replace(/[()[\]{}]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
  let yearAt = -1;
  for (let index = words.length - 1; index > 0; index -= 1) {
    if (YEAR.test(words[index]!)) {
      yearAt = index;
      break;
    }
  }
  const title = (yearAt === -1 ? words : words.slice(0, yearAt)).join(' ').replace(/\s*-\s*$/, '').trim();
  if (title === '') return undefined;
  return yearAt === -1 ? { title } : { title, year: Number(words[yearAt]) };
}
