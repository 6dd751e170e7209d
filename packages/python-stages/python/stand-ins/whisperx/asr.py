"""Test stand-in for whisperx.asr: load_model and FasterWhisperPipeline.transcribe.

As the real one, load_model loads faster_whisper.WhisperModel (a folder, a size or a hub id) and builds
faster-whisper's TranscriptionOptions from its default options updated by asr_options, so an option the
pinned faster-whisper lacks fails as it does. Transcription is deterministic: one segment per stretch of sound
(" sound N", no word times, like the real batched pipeline), "Progress: X%..." printed per segment when asked.
"""

from typing import Any, Dict, Optional, Sequence

import bollyx_standins as standins
from faster_whisper.transcribe import TranscriptionOptions, WhisperModel
from whisperx.audio import SAMPLE_RATE, load_audio


class FasterWhisperPipeline:
    def __init__(self, model: WhisperModel, options: TranscriptionOptions, language: Optional[str] = None) -> None:
        self.model = model
        self.options = options
        self.preset_language = language

    def transcribe(
        self,
        audio: Any,
        batch_size: Optional[int] = None,
        num_workers: int = 0,
        language: Optional[str] = None,
        task: Optional[str] = None,
        chunk_size: int = 30,
        print_progress: bool = False,
        combined_progress: bool = False,
        verbose: bool = False,
    ) -> Dict[str, Any]:
        standins.record_call(
            "whisperx.FasterWhisperPipeline.transcribe",
            initial_prompt=self.options.initial_prompt,
            hotwords=self.options.hotwords,
        )
        samples: Sequence[int] = load_audio(audio) if isinstance(audio, str) else audio
        stretches = standins.sound_stretches(samples, SAMPLE_RATE)
        segments = []
        for index, (start, end) in enumerate(stretches):
            if standins.out_of_memory_on(self.model.device):
                raise RuntimeError("CUDA failed with error out of memory")
            if print_progress:
                progress = (index + 1) / len(stretches) * 100
                print(f"Progress: {progress / 2 if combined_progress else progress:.2f}%...")
            prefix = "translated " if task == "translate" else ""
            segments.append({"text": f" {prefix}sound {index + 1}", "start": round(start, 3), "end": round(end, 3)})
        return {"segments": segments, "language": language or self.preset_language or "en"}


def load_model(
    whisper_arch: str,
    device: str,
    device_index: int = 0,
    compute_type: str = "float16",
    asr_options: Optional[dict] = None,
    language: Optional[str] = None,
    vad_model: Any = None,
    vad_method: Optional[str] = "pyannote",
    vad_options: Optional[dict] = None,
    model: Optional[WhisperModel] = None,
    task: str = "transcribe",
    download_root: Optional[str] = None,
    local_files_only: bool = False,
    threads: int = 4,
) -> FasterWhisperPipeline:
    if whisper_arch.endswith(".en"):
        language = "en"
    model = model or WhisperModel(
        whisper_arch,
        device=device,
        device_index=device_index,
        compute_type=compute_type,
        download_root=download_root,
        local_files_only=local_files_only,
        cpu_threads=threads,
    )
    # whisperX 3.7.9's defaults, word for word: TranscriptionOptions(**options) needs every field it has.
    default_asr_options: Dict[str, Any] = {
        "beam_size": 5,
        "best_of": 5,
        "patience": 1,
        "length_penalty": 1,
        "repetition_penalty": 1,
        "no_repeat_ngram_size": 0,
        "temperatures": [0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
        "compression_ratio_threshold": 2.4,
        "log_prob_threshold": -1.0,
        "no_speech_threshold": 0.6,
        "condition_on_previous_text": False,
        "prompt_reset_on_temperature": 0.5,
        "initial_prompt": None,
        "prefix": None,
        "suppress_blank": True,
        "suppress_tokens": [-1],
        "without_timestamps": True,
        "max_initial_timestamp": 0.0,
        "word_timestamps": False,
        "prepend_punctuations": "\"'“¿([{-",
        "append_punctuations": "\"'.。,，!！?？:：”)]}、",
        "multilingual": True,
        "suppress_numerals": False,
        "max_new_tokens": None,
        "clip_timestamps": None,
        "hallucination_silence_threshold": None,
        "hotwords": None,
    }
    if asr_options is not None:
        default_asr_options.update(asr_options)
    del default_asr_options["suppress_numerals"]
    if vad_model is None and vad_method not in ("silero", "pyannote"):
        raise ValueError(f"Invalid vad_method: {vad_method}")
    return FasterWhisperPipeline(model, TranscriptionOptions(**default_asr_options), language)
