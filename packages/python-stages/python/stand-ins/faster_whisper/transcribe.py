"""Test stand-in for faster_whisper.transcribe (1.2.1): WhisperModel and its dataclasses, their signatures and
fields as the pinned release has them (tools/python-signatures checks them against the recorded table).

Deterministic from the audio: one segment per stretch of sound, " sound N" (" translated sound N" for the
translate task), its words timed evenly across it with Whisper's leading space. As the real one: an existing
directory is the converted model, anything else comes from the hub; CTranslate2 has no float16 on the CPU;
segments come from a generator, decoded as it is read.
"""

import os
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, List, Optional, Tuple, Union

import bollyx_standins as standins

standins.fail_import("faster_whisper")

# What CTranslate2 computes on the CPU.
_CPU_COMPUTE_TYPES = ("default", "auto", "int8", "int8_float32", "int16", "float32")


@dataclass
class Word:
    start: float
    end: float
    word: str
    probability: float


@dataclass
class Segment:
    id: int
    seek: int
    start: float
    end: float
    text: str
    tokens: List[int]
    avg_logprob: float
    compression_ratio: float
    no_speech_prob: float
    words: Optional[List[Word]]
    temperature: Optional[float]


@dataclass
class TranscriptionOptions:
    beam_size: int
    best_of: int
    patience: float
    length_penalty: float
    repetition_penalty: float
    no_repeat_ngram_size: int
    log_prob_threshold: Optional[float]
    no_speech_threshold: Optional[float]
    compression_ratio_threshold: Optional[float]
    condition_on_previous_text: bool
    prompt_reset_on_temperature: float
    temperatures: List[float]
    initial_prompt: Optional[Union[str, Iterable[int]]]
    prefix: Optional[str]
    suppress_blank: bool
    suppress_tokens: Optional[List[int]]
    without_timestamps: bool
    max_initial_timestamp: float
    word_timestamps: bool
    prepend_punctuations: str
    append_punctuations: str
    multilingual: bool
    max_new_tokens: Optional[int]
    clip_timestamps: Union[str, List[float]]
    hallucination_silence_threshold: Optional[float]
    hotwords: Optional[str]


@dataclass
class TranscriptionInfo:
    language: str
    language_probability: float
    duration: float
    duration_after_vad: float
    all_language_probs: Optional[List[Tuple[str, float]]]
    transcription_options: TranscriptionOptions
    vad_options: Any


class WhisperModel:
    def __init__(
        self,
        model_size_or_path: str,
        device: str = "auto",
        device_index: Union[int, List[int]] = 0,
        compute_type: str = "default",
        cpu_threads: int = 0,
        num_workers: int = 1,
        download_root: Optional[str] = None,
        local_files_only: bool = False,
        files: Optional[dict] = None,
        revision: Optional[str] = None,
        use_auth_token: Optional[Union[str, bool]] = None,
        **model_kwargs: Any,
    ) -> None:
        # A directory is the converted model itself; a size or an id is downloaded (or found in the hub cache).
        if not files and not os.path.isdir(model_size_or_path):
            standins.fail_model(model_size_or_path)
        if device == "cpu" and compute_type not in _CPU_COMPUTE_TYPES:
            raise ValueError(
                f"Requested {compute_type} compute type, but the target device or backend do not support efficient "
                f"{compute_type} computation."
            )
        self.device = device

    def transcribe(
        self,
        audio: str,
        language: Optional[str] = None,
        task: str = "transcribe",
        log_progress: bool = False,
        beam_size: int = 5,
        best_of: int = 5,
        patience: float = 1,
        length_penalty: float = 1,
        repetition_penalty: float = 1,
        no_repeat_ngram_size: int = 0,
        temperature: Union[float, List[float], Tuple[float, ...]] = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
        compression_ratio_threshold: Optional[float] = 2.4,
        log_prob_threshold: Optional[float] = -1.0,
        no_speech_threshold: Optional[float] = 0.6,
        condition_on_previous_text: bool = True,
        prompt_reset_on_temperature: float = 0.5,
        initial_prompt: Optional[Union[str, Iterable[int]]] = None,
        prefix: Optional[str] = None,
        suppress_blank: bool = True,
        suppress_tokens: Optional[List[int]] = [-1],
        without_timestamps: bool = False,
        max_initial_timestamp: float = 1.0,
        word_timestamps: bool = False,
        prepend_punctuations: str = "\"'“¿([{-",
        append_punctuations: str = "\"'.。,，!！?？:：”)]}、",
        multilingual: bool = False,
        vad_filter: bool = False,
        vad_parameters: Optional[Any] = None,
        max_new_tokens: Optional[int] = None,
        chunk_length: Optional[int] = None,
        clip_timestamps: Union[str, List[float]] = "0",
        hallucination_silence_threshold: Optional[float] = None,
        hotwords: Optional[str] = None,
        language_detection_threshold: Optional[float] = 0.5,
        language_detection_segments: int = 1,
    ) -> Tuple[Iterator[Segment], TranscriptionInfo]:
        options = TranscriptionOptions(
            beam_size=beam_size,
            best_of=best_of,
            patience=patience,
            length_penalty=length_penalty,
            repetition_penalty=repetition_penalty,
            no_repeat_ngram_size=no_repeat_ngram_size,
            log_prob_threshold=log_prob_threshold,
            no_speech_threshold=no_speech_threshold,
            compression_ratio_threshold=compression_ratio_threshold,
            condition_on_previous_text=condition_on_previous_text,
            prompt_reset_on_temperature=prompt_reset_on_temperature,
            temperatures=list(temperature) if isinstance(temperature, (list, tuple)) else [temperature],
            initial_prompt=initial_prompt,
            prefix=prefix,
            suppress_blank=suppress_blank,
            suppress_tokens=suppress_tokens,
            without_timestamps=without_timestamps,
            max_initial_timestamp=max_initial_timestamp,
            word_timestamps=word_timestamps,
            prepend_punctuations=prepend_punctuations,
            append_punctuations=append_punctuations,
            multilingual=multilingual,
            max_new_tokens=max_new_tokens,
            clip_timestamps=clip_timestamps,
            hallucination_silence_threshold=hallucination_silence_threshold,
            hotwords=hotwords,
        )
        standins.record_call("faster_whisper.WhisperModel.transcribe", initial_prompt=initial_prompt, hotwords=hotwords)
        samples, rate = standins.read_wav(audio)
        duration = len(samples) / rate
        info = TranscriptionInfo(
            language=language or "en",
            language_probability=1.0,
            duration=duration,
            duration_after_vad=duration,
            all_language_probs=None,
            transcription_options=options,
            vad_options=vad_parameters,
        )
        return self._segments(standins.sound_stretches(samples, rate), task, word_timestamps), info

    def _segments(self, stretches: List[Tuple[float, float]], task: str, word_timestamps: bool) -> Iterator[Segment]:
        for index, (start, end) in enumerate(stretches):
            if standins.out_of_memory_on(self.device):
                raise RuntimeError("CUDA failed with error out of memory")
            texts = (["translated"] if task == "translate" else []) + ["sound", str(index + 1)]
            step = (end - start) / len(texts)
            words = [Word(start + step * n, start + step * (n + 1), " " + text, 0.9) for n, text in enumerate(texts)]
            yield Segment(
                id=index,
                seek=0,
                start=start,
                end=end,
                text=" " + " ".join(texts),
                tokens=[],
                avg_logprob=-0.2,
                compression_ratio=1.0,
                no_speech_prob=0.0,
                words=words if word_timestamps else None,
                temperature=0.0,
            )
