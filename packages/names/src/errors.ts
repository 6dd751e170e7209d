import { BollyxError } from '@bollyx/errors';

/** A glossary file (YAML, CSV, or an edited names/glossary.json) that cannot be read as a glossary. */
export class GlossaryFileError extends BollyxError {
  constructor(file: string, line: number | undefined, problem: string, fix: string) {
    const where = line === undefined ? file : `${file}:${line}`;
    super('GLOSSARY_FILE_INVALID', `glossary ${where}: ${problem}`, {
      hint: fix,
      details: { file, ...(line === undefined ? {} : { line }), problem },
    });
  }
}

/** A glossary file that is not there or cannot be read. */
export class GlossaryFileMissingError extends BollyxError {
  constructor(file: string) {
    super('GLOSSARY_FILE_MISSING', `glossary file ${file} does not exist or cannot be read`, {
      hint: `check the path given to --glossary (or names.glossary in the config); it is read relative to the working directory`,
      details: { file },
    });
  }
}

/** A job whose names stage has not written its glossary yet (or has the stage turned off). */
export class GlossaryNotFoundError extends BollyxError {
  constructor(jobDir: string, file: string) {
    super('GLOSSARY_NOT_FOUND', `job ${jobDir} has no glossary yet (${file})`, {
      hint: `run the job (bollyx run ${jobDir}; subtitleMovie) with names.enabled on to build it`,
      details: { jobDir, file },
    });
  }
}
