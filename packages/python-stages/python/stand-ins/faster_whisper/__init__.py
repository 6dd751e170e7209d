"""Test stand-in for faster-whisper: WhisperModel(...).transcribe(...) as bollyx's scripts call it.

Deterministic from the audio: one segment per stretch of sound, " sound N" (" translated sound N" for the
translate task), its words timed evenly across it with Whisper's leading space. CTranslate2's rules hold:
no float16 on the CPU; segments come from a generator, decoded as it is read.
"""

from typing import Iterator, List, NamedTuple, Optional, Tuple

import bollyx_standins as standins

standins.fail_import("faster_whisper")

# What CTranslate2 computes on the CPU.
_CPU_COMPUTE_TYPES = ("default", "auto", "int8", "int8_float32", "int16", "float32")


class Word(NamedTuple):
    start: float
    end: float
    word: str
    probability: float


class Segment(NamedTuple):
    id: int
    start: float
    end: float
    text: str
    words: Optional[List[Word]]


class TranscriptionInfo(NamedTuple):
    language: str
    language_probability: float
    duration: float


class WhisperModel:
    def __init__(
        self,
        model_size_or_path: str,
        device: str = "auto",
        device_index: int = 0,
        compute_type: str = "default",
        cpu_threads: int = 0,
        num_workers: int = 1,
        download_root: Optional[str] = None,
        local_files_only: bool = False,
    ) -> None:
        standins.fail_model(model_size_or_path)
        if device == "cpu" and compute_type not in _CPU_COMPUTE_TYPES:
            raise ValueError(
                f"Requested {compute_type} compute type, but the target device or backend do not support efficient {compute_type} computation."
            )
        self.device = device

    def transcribe(
        self,
        audio: str,
        language: Optional[str] = None,
        task: str = "transcribe",
        beam_size: int = 5,
        word_timestamps: bool = False,
        vad_filter: bool = False,
    ) -> Tuple[Iterator[Segment], TranscriptionInfo]:
        samples, rate = standins.read_wav(audio)
        info = TranscriptionInfo(language=language or "en", language_probability=1.0, duration=len(samples) / rate)
        return self._segments(standins.sound_stretches(samples, rate), task, word_timestamps), info

    def _segments(self, stretches: List[Tuple[float, float]], task: str, word_timestamps: bool) -> Iterator[Segment]:
        for index, (start, end) in enumerate(stretches):
            if standins.out_of_memory_on(self.device):
                raise RuntimeError("CUDA failed with error out of memory")
            texts = (["translated"] if task == "translate" else []) + ["sound", str(index + 1)]
            step = (end - start) / len(texts)
            words = [Word(start + step * n, start + step * (n + 1), " " + text, 0.9) for n, text in enumerate(texts)]
            yield Segment(index, start, end, " " + " ".join(texts), words if word_timestamps else None)
