"""Test stand-in for mlx_whisper.transcribe (0.4.3): transcribe(...), its signature as the pinned release has it.

Deterministic from the audio: one segment per stretch of sound, " sound N", its words timed evenly with
Whisper's leading space; with verbose=True each segment is printed as it is decoded, as the real one does.
As the real one: the model comes from load_models.load_model (a path or a hub repo); the decode options build
DecodingOptions, so an unknown one is a TypeError and beam_size is refused (no beam search); it computes on
mlx.core's default device.
"""

from typing import Any, Dict, List, Optional, Tuple, Union

import bollyx_standins as standins
import mlx.core as mx

from .decoding import DecodingOptions
from .load_models import load_model

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
    words = [
        {"word": " " + text, "start": start + step * n, "end": start + step * (n + 1), "probability": 0.9}
        for n, text in enumerate(texts)
    ]
    return {"id": index, "start": start, "end": end, "text": " " + " ".join(texts), "words": words}


def transcribe(
    audio: str,
    *,
    path_or_hf_repo: str = "mlx-community/whisper-tiny",
    verbose: Optional[bool] = None,
    temperature: Union[float, Tuple[float, ...]] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
    compression_ratio_threshold: Optional[float] = 2.4,
    logprob_threshold: Optional[float] = -1.0,
    no_speech_threshold: Optional[float] = 0.6,
    condition_on_previous_text: bool = True,
    initial_prompt: Optional[str] = None,
    word_timestamps: bool = False,
    prepend_punctuations: str = "\"'“¿([{-",
    append_punctuations: str = "\"'.。,，!！?？:：”)]}、",
    clip_timestamps: Union[str, List[float]] = "0",
    hallucination_silence_threshold: Optional[float] = None,
    **decode_options: Any,
) -> Dict[str, Any]:
    standins.record_call("mlx_whisper.transcribe", initial_prompt=initial_prompt)
    load_model(path_or_hf_repo, mx.float16 if decode_options.get("fp16", True) else mx.float32)
    language = decode_options.get("language")
    if language is None:
        language = "en"
        if verbose is not None:
            print("Detected language: English")
    chosen: Dict[str, Any] = {**decode_options, "language": language}
    options = DecodingOptions(**chosen, temperature=0.0)
    if options.beam_size is not None:
        raise NotImplementedError("Beam search decoder is not yet implemented")
    if standins.out_of_memory_on(mx.default_device().type):
        raise RuntimeError(
            "[metal::malloc] Attempting to allocate 17179869184 bytes which is greater than "
            "the maximum allowed buffer size of 8589934592 bytes."
        )
    samples, rate = standins.read_wav(audio)
    segments: List[Dict[str, Any]] = []
    for index, (start, end) in enumerate(standins.sound_stretches(samples, rate)):
        segment = _segment(index, start, end, options.task)
        if not word_timestamps:
            del segment["words"]
        if verbose:
            print(f"[{_timestamp(start)} --> {_timestamp(end)}] {segment['text']}")
        segments.append(segment)
    return {"text": "".join(segment["text"] for segment in segments), "segments": segments, "language": language}
