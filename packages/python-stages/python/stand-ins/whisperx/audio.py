"""Test stand-in for whisperx.audio: load_audio reads a 16 kHz 16-bit WAV (the real one decodes any file with
ffmpeg to 16 kHz mono float32)."""

from typing import Sequence

import bollyx_standins as standins

SAMPLE_RATE = 16000


def load_audio(file: str, sr: int = SAMPLE_RATE) -> Sequence[int]:
    samples, _ = standins.read_wav(file)
    return samples
