"""Test stand-in for WhisperX: load_model/transcribe, load_audio, load_align_model/align as bollyx's scripts
call them.

Deterministic: transcription gives one segment per stretch of sound (" sound N", no word times, like the
real batched pipeline) and prints "Progress: X%..." per segment when asked. Alignment splits a segment into
sentences and times the words that have letters by length; words without letters get no times, and
a segment with none keeps its own times and no words, as the real aligner does.
"""

import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

import bollyx_standins as standins

standins.fail_import("whisperx")

SAMPLE_RATE = 16000
_CPU_COMPUTE_TYPES = ("default", "int8", "int8_float32", "int16", "float32")


def load_audio(file: str, sr: int = SAMPLE_RATE) -> Sequence[int]:
    samples, _ = standins.read_wav(file)
    return samples


class FasterWhisperPipeline:
    def __init__(self, device: str, language: Optional[str]) -> None:
        self.device = device
        self.language = language

    def transcribe(
        self,
        audio: Sequence[int],
        batch_size: Optional[int] = None,
        num_workers: int = 0,
        language: Optional[str] = None,
        task: Optional[str] = None,
        chunk_size: int = 30,
        print_progress: bool = False,
        combined_progress: bool = False,
        verbose: bool = False,
    ) -> Dict[str, Any]:
        stretches = standins.sound_stretches(audio, SAMPLE_RATE)
        segments = []
        for index, (start, end) in enumerate(stretches):
            if standins.out_of_memory_on(self.device):
                raise RuntimeError("CUDA failed with error out of memory")
            if print_progress:
                print(f"Progress: {(index + 1) / len(stretches) * 100:.2f}%...")
            prefix = "translated " if task == "translate" else ""
            segments.append({"text": f" {prefix}sound {index + 1}", "start": start, "end": end, "avg_logprob": -0.2})
        return {"segments": segments, "language": language or self.language or "en"}


def load_model(
    whisper_arch: str,
    device: str,
    device_index: int = 0,
    compute_type: str = "float16",
    asr_options: Optional[Dict[str, Any]] = None,
    language: Optional[str] = None,
    vad_model: Any = None,
    vad_method: str = "pyannote",
    vad_options: Optional[Dict[str, Any]] = None,
    model: Any = None,
    task: str = "transcribe",
    download_root: Optional[str] = None,
    local_files_only: bool = False,
    threads: int = 4,
) -> FasterWhisperPipeline:
    standins.fail_model(whisper_arch)
    if device == "cpu" and compute_type not in _CPU_COMPUTE_TYPES:
        raise ValueError(
            f"Requested {compute_type} compute type, but the target device or backend do not support efficient {compute_type} computation."
        )
    return FasterWhisperPipeline(device, language)


def load_align_model(language_code: str, device: str, model_name: Optional[str] = None, model_dir: Optional[str] = None) -> Tuple[Any, Dict[str, Any]]:
    standins.fail_model(model_name or f"default align model for {language_code}")
    return object(), {"language": language_code, "dictionary": {}, "type": "huggingface"}


def _time_words(words: List[str], start: float, end: float) -> List[Dict[str, Any]]:
    # Every word takes time by its length; only those with letters are given it.
    step = (end - start) / sum(len(word) for word in words)
    timed, cursor = [], start
    for word in words:
        if any(character.isalpha() for character in word):
            timed.append({"word": word, "start": round(cursor, 3), "end": round(cursor + len(word) * step, 3), "score": 0.9})
        else:
            timed.append({"word": word})
        cursor += len(word) * step
    return timed


def _align_segment(segment: Dict[str, Any]) -> List[Dict[str, Any]]:
    start, end, text = segment["start"], segment["end"], segment["text"]
    if not any(character.isalpha() for character in text):
        return [{"start": start, "end": end, "text": text, "words": []}]
    sentences = [sentence for sentence in re.split(r"(?<=[.!?])\s+", text.strip()) if sentence]
    total = sum(len(sentence) for sentence in sentences)
    aligned, cursor = [], start
    for sentence in sentences:
        length = (end - start) * len(sentence) / total
        aligned.append({"start": round(cursor, 3), "end": round(cursor + length, 3), "text": sentence, "words": _time_words(sentence.split(), cursor, cursor + length)})
        cursor += length
    return aligned


def align(
    transcript: List[Dict[str, Any]],
    model: Any,
    align_model_metadata: Dict[str, Any],
    audio: Sequence[int],
    device: str,
    interpolate_method: str = "nearest",
    return_char_alignments: bool = False,
    print_progress: bool = False,
    combined_progress: bool = False,
) -> Dict[str, Any]:
    if standins.out_of_memory_on(device):
        raise RuntimeError("CUDA out of memory. Tried to allocate 1.50 GiB. GPU 0 has a total capacity of 7.79 GiB of which 512.00 MiB is free.")
    segments = [part for segment in transcript for part in _align_segment(segment)]
    return {"segments": segments, "word_segments": [word for segment in segments for word in segment["words"]]}
