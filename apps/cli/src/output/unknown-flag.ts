import { BollyxError, didYouMean } from '@bollyx/errors';
import type { ArgDef, ArgsDef, CommandDef, Resolvable, SubCommandsDef } from 'citty';

/** Each spelling citty takes after `--` or `-` (name, kebab-case, camelCase, aliases), to the arg it sets. */
type Spellings = ReadonlyMap<string, ArgDef>;

// citty's runMain answers these itself: --help after any verb, --version on its own.
const HELP = ['--help', '-h'];
const ROOT_BUILTINS = [...HELP, '--version', '-v'];

const resolve = <T>(value: Resolvable<T>): Promise<T> => Promise.resolve(typeof value === 'function' ? (value as () => T | Promise<T>)() : value);
const kebabCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const camelCase = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
// As citty decides whether a flag's next token is its value (string and enum flags), so `--start -5` is one.
const takesValue = (def: ArgDef | undefined) => def?.type === 'string' || def?.type === 'enum';

function spellingsOf(argsDef: ArgsDef): Spellings {
  const spellings = new Map<string, ArgDef>();
  for (const [name, def] of Object.entries(argsDef)) {
    if (def.type === 'positional') continue;
    const aliases = (def as { alias?: string | string[] }).alias ?? [];
    // kebab-case first: the spelling a suggestion shows when two are as near.
    for (const spelling of [kebabCase(name), name, camelCase(name), ...[aliases].flat()]) spellings.set(spelling, def);
  }
  return spellings;
}

/**
 * Reads tokens as citty's parser does, up to a bare `--`: the first flag that is none of `spellings` (`--no-x`
 * negates a boolean x), and the first token that is neither a flag nor a flag's value, where a subcommand is
 * named (-1 for none). With `untilPositional`, reading stops there: later tokens are the subcommand's.
 */
function read(tokens: readonly string[], spellings: Spellings, builtins: readonly string[], untilPositional: boolean): { unknown?: string; positional: number } {
  let unknown: string | undefined;
  let positional = -1;
  let valueNext = false;
  for (const [index, token] of tokens.entries()) {
    if (valueNext) {
      valueNext = false;
      continue;
    }
    if (token === '--') break;
    if (token === '-' || builtins.includes(token)) continue;
    if (!token.startsWith('-')) {
      if (positional === -1) positional = index;
      if (untilPositional) break;
      continue;
    }
    const flag = token.split('=', 1)[0] ?? token;
    if (flag.startsWith('--')) {
      const name = flag.slice(2);
      const known = spellings.has(name) || (name.startsWith('no-') && spellings.get(name.slice(3))?.type === 'boolean');
      if (!known) unknown ??= flag;
      valueNext = flag === token && takesValue(spellings.get(name));
      continue;
    }
    // A group of one-letter flags (-xs); from the first that takes a value, the rest of the token is its value.
    const letters = [...token.slice(1)];
    for (const [at, letter] of letters.entries()) {
      if (!spellings.has(letter)) unknown ??= flag;
      if (!takesValue(spellings.get(letter))) continue;
      valueNext = at === letters.length - 1;
      break;
    }
  }
  return { unknown, positional };
}

function unknownFlagError(flag: string, command: string, spellings: Spellings, builtins: readonly string[]): BollyxError {
  const long = [...spellings].filter(([spelling]) => spelling.length > 1);
  const candidates = [
    ...long.map(([spelling]) => spelling),
    ...long.filter(([, def]) => def.type === 'boolean').map(([spelling]) => `no-${spelling}`),
    ...builtins.filter((builtin) => builtin.startsWith('--')).map((builtin) => builtin.slice(2)),
  ];
  const suggestion = didYouMean(flag.replace(/^-+/, ''), candidates);
  // "-trailer.mp4": a file name that starts with a dash, which only `--` or `./` can pass.
  const looksLikeFile = /[./\\]/.test(flag) && !flag.includes('=');
  const fileHint = looksLikeFile ? `to name a file that starts with a dash, write ./${flag} or put -- before it; or ` : '';
  return new BollyxError('USAGE', `unknown flag ${flag} for \`${command}\``, {
    hint: `${fileHint}${suggestion ? `did you mean --${suggestion}? See` : 'see'} \`${command} --help\``,
    details: { flag, command, ...(suggestion ? { suggestion: `--${suggestion}` } : {}) },
  });
}

/** The subcommand `name` calls, by its key or one of its meta aliases, as citty finds it. */
async function subCommandNamed(subCommands: SubCommandsDef, name: string): Promise<CommandDef | undefined> {
  if (name in subCommands) return resolve(subCommands[name] as Resolvable<CommandDef>);
  for (const candidate of Object.values(subCommands)) {
    const command = await resolve(candidate);
    const meta = await resolve(command.meta ?? {});
    if ([meta.alias ?? []].flat().includes(name)) return command;
  }
  return undefined;
}

/**
 * citty runs a command whatever flags it is given, ignoring those it does not know: `bollyx run movie.mp4
 * --modle x` would make and run a whole job with the default model. This walks to the command the tokens
 * address as citty does (a subcommand's name, else the default subcommand, loading each lazily) and
 * returns a USAGE error for the first flag that command does not take, with the nearest one it does.
 * Unknown subcommands are left to citty.
 */
export async function findUnknownFlag(command: CommandDef, tokens: readonly string[], name = 'bollyx'): Promise<BollyxError | undefined> {
  const spellings = spellingsOf(await resolve(command.args ?? {}));
  const builtins = name === 'bollyx' ? ROOT_BUILTINS : HELP;
  const subCommands = (await resolve(command.subCommands)) ?? {};
  const hasSubCommands = Object.keys(subCommands).length > 0;
  const { unknown, positional } = read(tokens, spellings, builtins, hasSubCommands);
  const fallback = hasSubCommands && positional === -1 ? await resolve(command.default) : undefined;
  // Named no subcommand: citty hands every token to the default one, the only one that reads them.
  if (fallback) {
    const sub = await subCommandNamed(subCommands, fallback);
    return sub && findUnknownFlag(sub, tokens, name);
  }
  if (unknown) return unknownFlagError(unknown, name, spellings, builtins);
  const subName = tokens[positional];
  const sub = hasSubCommands && subName !== undefined ? await subCommandNamed(subCommands, subName) : undefined;
  return sub && findUnknownFlag(sub, tokens.slice(positional + 1), `${name} ${subName}`);
}
