"""Test stand-in for whisperx.alignment: load_align_model and align, as whisperX 3.7.9 behaves.

Deterministic: align splits a segment into sentences and times its words by their length. As in 3.7.9,
characters the model does not know (digits, symbols) are aligned against a wildcard, so every word gets
times; a segment without a single non-space character, or starting past the audio's end, keeps its own times
and no words. load_align_model turns any loading failure into ValueError, as the real one does.
"""

import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import bollyx_standins as standins
from whisperx.audio import SAMPLE_RATE


def load_align_model(
    language_code: str, device: str, model_name: Optional[str] = None, model_dir: Any = None
) -> Tuple[Any, Dict[str, Any]]:
    if model_name is None:
        # bollyx always names the model: the stand-in keeps no table of the languages' defaults.
        raise ValueError(f"No default align-model for language: {language_code}")
    try:
        standins.fail_model(model_name)
    except Exception as e:
        print(e)
        print(
            "Error loading model from huggingface, check https://huggingface.co/models for finetuned wav2vec2.0 models"
        )
        raise ValueError(
            f'The chosen align_model "{model_name}" could not be found in huggingface (https://huggingface.co/models) '
            "or torchaudio (https://pytorch.org/audio/stable/pipelines.html#id14)"
        )
    return object(), {"language": language_code, "dictionary": {}, "type": "huggingface"}


def _time_words(words: List[str], start: float, end: float) -> List[Dict[str, Any]]:
    step = (end - start) / sum(len(word) for word in words)
    timed, cursor = [], start
    for word in words:
        end = cursor + len(word) * step
        timed.append({"word": word, "start": round(cursor, 3), "end": round(end, 3), "score": 0.9})
        cursor = end
    return timed


def _align_segment(segment: Dict[str, Any], audio_duration: float) -> List[Dict[str, Any]]:
    start, end, text = segment["start"], segment["end"], segment["text"]
    if not text.strip() or start >= audio_duration:
        return [{"start": start, "end": end, "text": text, "words": [], "chars": None}]
    sentences = [sentence for sentence in re.split(r"(?<=[.!?])\s+", text.strip()) if sentence]
    total = sum(len(sentence) for sentence in sentences)
    aligned, cursor = [], start
    for sentence in sentences:
        length = (end - start) * len(sentence) / total
        words = _time_words(sentence.split(), cursor, cursor + length)
        aligned.append({"start": round(cursor, 3), "end": round(cursor + length, 3), "text": sentence, "words": words})
        cursor += length
    return aligned


def align(
    transcript: Iterable[Dict[str, Any]],
    model: Any,
    align_model_metadata: dict,
    audio: Sequence[int],
    device: str,
    interpolate_method: str = "nearest",
    return_char_alignments: bool = False,
    print_progress: bool = False,
    combined_progress: bool = False,
) -> Dict[str, Any]:
    if standins.out_of_memory_on(device):
        raise RuntimeError(
            "CUDA out of memory. Tried to allocate 1.50 GiB. "
            "GPU 0 has a total capacity of 7.79 GiB of which 512.00 MiB is free."
        )
    segments = [part for segment in transcript for part in _align_segment(segment, len(audio) / SAMPLE_RATE)]
    return {"segments": segments, "word_segments": [word for segment in segments for word in segment["words"]]}
