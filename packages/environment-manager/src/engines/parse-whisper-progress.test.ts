import { describe, expect, it } from 'vitest';
import { parseWhisperProgress } from './parse-whisper-progress';

describe('parseWhisperProgress', () => {
  it('reads whisper-cli --print-progress lines', () => {
    expect(parseWhisperProgress('whisper_print_progress_callback: progress =   5%')).toBe(5);
    expect(parseWhisperProgress('whisper_print_progress_callback: progress =  45%')).toBe(45);
    expect(parseWhisperProgress('whisper_print_progress_callback: progress = 100%')).toBe(100);
  });

  it('ignores the log and transcript lines around them', () => {
    expect(parseWhisperProgress('whisper_init_state: compute buffer (decode) =   95.91 MB')).toBeNull();
    expect(parseWhisperProgress('[00:00:00.000 --> 00:00:04.000]   progress = 40%')).toBeNull();
  });
});
