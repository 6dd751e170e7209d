"""Test stand-in for mlx-whisper: transcribe(...) as bollyx's scripts call it.

Deterministic from the audio: one segment per stretch of sound, " sound N", its words timed evenly with
Whisper's leading space; with verbose=True each segment is printed as it is decoded, as the real one does.
Like the real one it has no beam search, and it computes on mlx.core's default device.
"""

from typing import Any, Dict, List, Optional

import bollyx_standins as standins
import mlx.core as mx

standins.fail_import("mlx_whisper")


def _timestamp(seconds: float) -> str:
    milliseconds = round(seconds * 1000)
    hours, milliseconds = divmod(milliseconds, 3_600_000)
    minutes, milliseconds = divmod(milliseconds, 60_000)
    seconds, milliseconds = divmod(milliseconds, 1_000)
    return (f"{hours:02d}:" if hours > 0 else "") + f"{minutes:02d}:{seconds:02d}.{milliseconds:03d}"


def _segment(index: int, start: float, end: float, task: str) -> Dict[str, Any]:
    texts = (["translated"] if task == "translate" else []) + ["sound", str(index + 1)]
    step = (end - start) / len(texts)
    words = [{"word": " " + text, "start": start + step * n, "end": start + step * (n + 1), "probability": 0.9} for n, text in enumerate(texts)]
    return {"id": index, "start": start, "end": end, "text": " " + " ".join(texts), "words": words}


def transcribe(
    audio: str,
    *,
    path_or_hf_repo: str = "mlx-community/whisper-turbo",
    verbose: Optional[bool] = None,
    word_timestamps: bool = False,
    **decode_options: Any,
) -> Dict[str, Any]:
    standins.fail_model(path_or_hf_repo)
    if decode_options.get("beam_size") is not None:
        raise NotImplementedError("Beam search decoder is not yet implemented")
    if standins.out_of_memory_on(mx.default_device().type):
        raise RuntimeError(
            "[metal::malloc] Attempting to allocate 17179869184 bytes which is greater than the maximum allowed buffer size of 8589934592 bytes."
        )
    language = decode_options.get("language")
    if language is None:
        language = "en"
        if verbose is not None:
            print("Detected language: English")
    samples, rate = standins.read_wav(audio)
    segments: List[Dict[str, Any]] = []
    for index, (start, end) in enumerate(standins.sound_stretches(samples, rate)):
        segment = _segment(index, start, end, decode_options.get("task", "transcribe"))
        if not word_timestamps:
            del segment["words"]
        if verbose:
            print(f"[{_timestamp(start)} --> {_timestamp(end)}] {segment['text']}")
        segments.append(segment)
    return {"text": "".join(segment["text"] for segment in segments), "segments": segments, "language": language}
