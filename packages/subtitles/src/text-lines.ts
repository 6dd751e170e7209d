/** The lines of a subtitle file's text, without a BOM, whatever its line ends. */
export const splitLines = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

/** A blank line ends a cue in SRT and WebVTT; past the last line counts as blank. */
export const isBlank = (line: string | undefined): boolean => line === undefined || line.trim() === '';
