import { BollyxError } from '@bollyx/errors';
import type { ConfigSource } from './config-schema';

/** One problem in a job config: the field, the value it got, what it allows and where the value came from. */
export interface ConfigIssue {
  path: string;
  value: unknown;
  allowed: string;
  /** Undefined for a field no layer set (a built-in default that another field contradicts). */
  source: ConfigSource | undefined;
}

const shown = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

/** `asr.backend: got "x" (from flag); allowed: …`: one issue on one line. */
export function describeIssue(issue: ConfigIssue): string {
  const from = issue.source === undefined ? '' : ` (from ${issue.source})`;
  return `${issue.path}: got ${shown(issue.value)}${from}; allowed: ${issue.allowed}`;
}

function fixFor(issue: ConfigIssue): string {
  const source = issue.source ?? 'default';
  if (source.startsWith('file:')) return `Edit ${issue.path} in ${source.slice('file:'.length)}`;
  if (source.startsWith('env:')) return `Fix or unset the environment variable ${source.slice('env:'.length)}`;
  if (source === 'flag') return `Fix the command-line flag for ${issue.path} (bollyx prepare --help lists them)`;
  return `Set ${issue.path} explicitly (in bollyx.config.yaml, a flag or its BOLLYX_ variable)`;
}

export class ConfigInvalidError extends BollyxError {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super('CONFIG_INVALID', `Invalid job config:\n${issues.map((issue) => `  - ${describeIssue(issue)}`).join('\n')}`, {
      hint: issues[0] === undefined ? undefined : fixFor(issues[0]),
      details: { issues: issues.map((issue) => ({ ...issue, value: issue.value ?? null })) },
    });
    this.issues = issues;
  }
}

export class ConfigFileNotFoundError extends BollyxError {
  constructor(path: string) {
    super('CONFIG_FILE_NOT_FOUND', `No config file at ${path}`, {
      hint: 'Check the --config path, or leave --config out to use bollyx.config.yaml in the workspace',
      details: { path },
    });
  }
}

export class ConfigFileInvalidError extends BollyxError {
  constructor(path: string, reason: string, cause?: unknown) {
    super('CONFIG_FILE_INVALID', `Config file ${path} is not valid YAML config: ${reason}`, {
      hint: `Fix ${path}: it must be a YAML mapping of config fields (see the @bollyx/job-config README)`,
      details: { path, reason },
      cause,
    });
  }
}

/** "scheme://…": a URL, which bollyx does not download. */
export const looksLikeUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);

/** Nothing at the path the user typed (named as typed, with where it resolved to), or a URL given for a file. */
export class MediaNotFoundError extends BollyxError {
  constructor(path: string, typed: string = path) {
    const isUrl = looksLikeUrl(typed);
    const where = typed === path ? path : `${typed} (${path})`;
    super('MEDIA_NOT_FOUND', isUrl ? `${typed} is a URL: bollyx reads media files on this machine, not URLs` : `No file at ${where}`, {
      hint: isUrl ? `Download it first (e.g. curl -LO '${typed}') and pass the downloaded file` : 'Check the path (ls shows what is there)',
      details: { path, typed },
    });
  }
}

export class MediaNotAFileError extends BollyxError {
  constructor(path: string, isDirectory: boolean) {
    super('MEDIA_NOT_A_FILE', `${path} is ${isDirectory ? 'a directory' : 'not a regular file'}, not a media file`, {
      hint: isDirectory
        ? 'Pass one movie file, e.g. "folder/movie.mp4": bollyx makes a job per film (for a folder, run each file)'
        : 'Pass the movie file itself, e.g. bollyx prepare "folder/movie.mp4"',
      details: { path, isDirectory },
    });
  }
}

export class MediaNotReadableError extends BollyxError {
  constructor(path: string, cause: unknown) {
    super('MEDIA_NOT_READABLE', `Cannot read ${path}: permission denied`, {
      hint: 'Give yourself read access (chmod u+r FILE) or copy the file somewhere you can read it',
      details: { path },
      cause,
    });
  }
}

export class MediaEmptyError extends BollyxError {
  constructor(path: string) {
    super('MEDIA_EMPTY', `${path} is empty (0 bytes)`, {
      hint: 'The download or copy did not finish: fetch the file again',
      details: { path },
    });
  }
}

export class MediaUnrecognizedError extends BollyxError {
  constructor(path: string, ffprobeMessage: string) {
    super('MEDIA_UNRECOGNIZED', `${path} is not a media file ffprobe can read (${ffprobeMessage})`, {
      hint: 'Check that this is the video or audio file you meant; `ffprobe -hide_banner FILE` shows what ffmpeg makes of it',
      details: { path, ffprobeMessage },
    });
  }
}

export class MediaTruncatedError extends BollyxError {
  constructor(path: string, reason: string) {
    super('MEDIA_TRUNCATED', `${path} is cut short: ${reason}`, {
      hint: 'The file is incomplete (an interrupted download or recording): fetch or export it again',
      details: { path, reason },
    });
  }
}

export class MediaNoAudioError extends BollyxError {
  constructor(path: string, streamTypes: readonly string[]) {
    const has = streamTypes.length === 0 ? 'no streams' : `only ${streamTypes.join(', ')} streams`;
    super('MEDIA_NO_AUDIO', `${path} has no audio stream to transcribe (it has ${has})`, {
      hint: 'Pick the file with the soundtrack; `ffprobe -hide_banner FILE` lists a file\'s streams',
      details: { path, streamTypes },
    });
  }
}

export class MediaNoDurationError extends BollyxError {
  constructor(path: string) {
    super('MEDIA_NO_DURATION', `${path} has no playable length (ffprobe reports no duration above 0)`, {
      hint: 'The file holds no audio samples: export or download it again',
      details: { path },
    });
  }
}

export class AudioStreamNotFoundError extends BollyxError {
  constructor(path: string, requested: number, available: number) {
    super('AUDIO_STREAM_NOT_FOUND', `audioStream ${requested} does not exist: ${path} has ${available} audio stream${available === 1 ? '' : 's'} (0 to ${available - 1})`, {
      hint: `Set audioStream to a number from 0 to ${available - 1}, or leave it out for the first`,
      details: { path, requested, available },
    });
  }
}

export class ClipOutOfRangeError extends BollyxError {
  constructor(field: 'clip.start' | 'clip.end', seconds: number, durationSeconds: number) {
    super('CLIP_OUT_OF_RANGE', `${field} (${seconds} s) is past the end of the media (${durationSeconds} s long)`, {
      hint: field === 'clip.start'
        ? `Use a --start below ${durationSeconds}`
        : `Use an --end of at most ${durationSeconds}, or leave --end out to clip to the end`,
      details: { field, seconds, durationSeconds },
    });
  }
}

export class ClipFailedError extends BollyxError {
  constructor(path: string, ffmpegMessage: string) {
    super('CLIP_FAILED', `ffmpeg could not cut a clip from ${path}: ${ffmpegMessage}`, {
      hint: 'Convert the file first (ffmpeg -i IN -c copy OUT.mkv) and prepare that, or prepare it without --start/--end',
      details: { path, ffmpegMessage },
    });
  }
}

export class FfmpegNotFoundError extends BollyxError {
  constructor(tool: 'ffmpeg' | 'ffprobe', cause?: unknown) {
    super('FFMPEG_NOT_FOUND', `${tool} is not on PATH`, {
      hint: 'Install ffmpeg: sudo apt-get install ffmpeg (Debian/Ubuntu) or brew install ffmpeg (macOS)',
      details: { tool },
      cause,
    });
  }
}

export class WorkspaceInvalidError extends BollyxError {
  constructor(path: string, reason: string, cause?: unknown) {
    super('WORKSPACE_INVALID', `Cannot use ${path} as the workspace: ${reason}`, {
      hint: 'Pass a folder you can write to with --workspace DIR (or BOLLYX_WORKSPACE)',
      details: { path, reason },
      cause,
    });
  }
}

export class JobNotFoundError extends BollyxError {
  constructor(idOrDir: string, workspace: string) {
    super('JOB_NOT_FOUND', `No job ${idOrDir} in ${workspace}`, {
      hint: 'bollyx jobs lists the jobs of a workspace (pass --workspace DIR for another one)',
      details: { job: idOrDir, workspace },
    });
  }
}

export class JobIncompleteError extends BollyxError {
  constructor(dir: string) {
    super('JOB_INCOMPLETE', `${dir} has no job.yaml: it is being prepared, or its preparation was interrupted`, {
      hint: 'Wait for bollyx prepare to finish; if it was killed, `bollyx jobs clean` (from code: `cleanJobs()`) removes the folder',
      details: { dir },
    });
  }
}

export class JobFileInvalidError extends BollyxError {
  constructor(path: string, reason: string, cause?: unknown) {
    super('JOB_FILE_INVALID', `${path} is not a valid job file: ${reason}`, {
      hint: 'Undo the manual edit of job.yaml, or prepare the job again with bollyx prepare',
      details: { path, reason },
      cause,
    });
  }
}

export class JobNotRemovableError extends BollyxError {
  constructor(dir: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    super('JOB_NOT_REMOVABLE', `Cannot remove the abandoned job folder ${dir} (${code})`, {
      hint: `Check who owns it (ls -ld ${dir}) and remove it yourself (rm -rf ${dir}), or rerun \`bollyx jobs clean\` (from code: \`cleanJobs()\`) as that user`,
      details: { dir, reason: code },
      cause,
    });
  }
}

export class JobCancelledError extends BollyxError {
  constructor(cause?: unknown) {
    super('CANCELLED', 'Preparing the job was cancelled; nothing was left behind', { cause });
  }
}
