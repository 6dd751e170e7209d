import { execa } from 'execa';
import type { CheckDefinition } from './check-definition';
import type { PackageManager } from './package-manager';

// Each manager's package of a Devanagari font libass finds through fontconfig (macOS has Kohinoor Devanagari built in).
const DEVANAGARI_FONT_LINES: Readonly<Partial<Record<PackageManager, string>>> = {
  apt: 'sudo apt-get install -y fonts-noto-core',
  dnf: 'sudo dnf install -y google-noto-sans-devanagari-fonts',
};

const DEVANAGARI_LANGUAGES = new Set(['hi', 'mr', 'ne', 'sa']);

export interface BurnInCheckContext {
  env: Readonly<Record<string, string | undefined>>;
  packageManager: PackageManager | null;
  platform?: NodeJS.Platform;
  signal?: AbortSignal;
}

async function run(command: string, args: readonly string[], context: BurnInCheckContext): Promise<string | undefined> {
  const { env, signal } = context;
  const result = await execa(command, args, { env, extendEnv: false, cancelSignal: signal, reject: false });
  if (result.isCanceled) throw signal?.reason;
  return result.failed ? undefined : result.stdout;
}

/**
 * `output.burnIn`: ffmpeg draws subtitles with libass (its `ass` filter), and for a Devanagari
 * language fontconfig knows a font that covers the script (`fc-list :lang=hi`).
 */
export function burnInCheck(language: string, context: BurnInCheckContext): CheckDefinition {
  const platform = context.platform ?? process.platform;
  return {
    id: 'burn-in',
    why: `--burn-in ${language} draws the subtitles into the picture with ffmpeg's libass`,
    check: async () => {
      const filters = await run('ffmpeg', ['-hide_banner', '-filters'], context);
      if (filters === undefined || !/^\s*\S+\s+ass\s/m.test(filters)) {
        return { ok: false, what: 'ffmpeg has no ass filter (built without libass)', fix: 'install an ffmpeg built with --enable-libass (Debian/Ubuntu, Homebrew and the Gyan builds are)' };
      }
      const script = language.split('-')[0]!;
      if (!DEVANAGARI_LANGUAGES.has(script) || language.endsWith('-Latn')) return { ok: true, what: 'ffmpeg draws subtitles with libass' };
      if (platform === 'darwin') return { ok: true, what: 'ffmpeg draws subtitles with libass; macOS has Devanagari fonts built in' };
      const families = await run('fc-list', [`:lang=${script}`, 'family'], context);
      const found = families?.split('\n').map((line) => line.trim()).filter((line) => line !== '') ?? [];
      if (found.length > 0) return { ok: true, what: `Devanagari fonts: ${[...new Set(found)].slice(0, 3).join('; ')}` };
      const line = context.packageManager === null ? undefined : DEVANAGARI_FONT_LINES[context.packageManager];
      return {
        ok: false,
        what: families === undefined ? 'fontconfig (fc-list) is not installed, so no Devanagari font can be found' : 'no installed font covers Devanagari',
        fix: line ?? 'install Noto Sans Devanagari (Debian/Ubuntu: fonts-noto-core) and fontconfig',
      };
    },
  };
}
