import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { TmdbCreditsSchema, TmdbMovieDetailsSchema, TmdbPersonSchema } from './tmdb-responses';

/** What bollyx keeps of one film: its details, its credits and the billed people's details. */
export const TmdbFilmRecordSchema = z.object({
  details: TmdbMovieDetailsSchema,
  credits: TmdbCreditsSchema,
  people: z.array(TmdbPersonSchema),
});
export type TmdbFilmRecord = z.infer<typeof TmdbFilmRecordSchema>;

const SearchRecordSchema = z.object({ id: z.number().int().nullable() });

/** The TMDB answers bollyx keeps on disk, per film (`movie-<id>.json`) and per search (`search-<hash>.json`). */
export class TmdbCache {
  constructor(private readonly dir: string) {}

  private async read<T extends z.ZodType>(name: string, schema: T): Promise<z.output<T> | undefined> {
    const text = await readFile(path.join(this.dir, name), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    // A damaged cache file is as good as none: it is fetched again.
    try {
      return schema.safeParse(JSON.parse(text)).data;
    } catch {
      return undefined;
    }
  }

  private async write(name: string, value: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, name);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(value)}\n`, 'utf8');
    await rename(temp, file);
  }

  private static searchName(title: string, year: number | undefined): string {
    return `search-${createHash('sha256').update(JSON.stringify([title.toLowerCase(), year ?? null])).digest('hex').slice(0, 16)}.json`;
  }

  /** The film id a search found (null: none), undefined when not searched yet. */
  async searched(title: string, year: number | undefined): Promise<number | null | undefined> {
    return (await this.read(TmdbCache.searchName(title, year), SearchRecordSchema))?.id;
  }

  saveSearch(title: string, year: number | undefined, id: number | null): Promise<void> {
    return this.write(TmdbCache.searchName(title, year), { id });
  }

  film(id: number): Promise<TmdbFilmRecord | undefined> {
    return this.read(`movie-${id}.json`, TmdbFilmRecordSchema);
  }

  saveFilm(id: number, record: TmdbFilmRecord): Promise<void> {
    return this.write(`movie-${id}.json`, record);
  }
}
