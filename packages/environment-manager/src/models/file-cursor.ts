import type { FileHandle } from 'node:fs/promises';

// Big enough that a vocabulary of 50k short tokens costs ~150 reads, small enough that reading one
// tensor header after seeking over its predecessor's data stays cheap.
const WINDOW_BYTES = 4096;

/** Reads a file front to back through a small window, seeking over what it skips. */
export class FileCursor {
  position = 0;
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly file: FileHandle,
    /** The file's size; lowered if the file shrinks while it is read. */
    public size: number,
  ) {}

  /** The next `length` bytes, moving past them; undefined (and not moved) when the file ends first. */
  async take(length: number): Promise<Buffer | undefined> {
    if (this.position + length > this.size) return undefined;
    const offset = this.position - this.windowStart;
    if (offset < 0 || offset + length > this.window.length) {
      await this.fill(length);
      if (this.position + length > this.size) return undefined;
    }
    const start = this.position - this.windowStart;
    this.position += length;
    return this.window.subarray(start, start + length);
  }

  skip(length: number): void {
    this.position += length;
  }

  private async fill(length: number): Promise<void> {
    const window = Buffer.alloc(Math.min(Math.max(length, WINDOW_BYTES), this.size - this.position));
    let done = 0;
    while (done < window.length) {
      const { bytesRead } = await this.file.read(window, done, window.length - done, this.position + done);
      if (bytesRead === 0) {
        // The file shrank while it was read: it now ends here.
        this.size = this.position + done;
        break;
      }
      done += bytesRead;
    }
    this.window = window.subarray(0, done);
    this.windowStart = this.position;
  }
}
