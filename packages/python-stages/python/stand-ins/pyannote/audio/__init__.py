"""Test stand-in for pyannote.audio: Pipeline.from_pretrained(...), .to(torch.device), pipeline(file, ...)
as bollyx's diarization script calls it.

Deterministic from the audio: each stretch of sound is a turn; its speaker is its tone's frequency, the
highest frequency labelled SPEAKER_00 (so labels do not follow first appearance). max_speakers merges the
lowest ones. The hook hears the steps of pyannote's speaker-diarization pipeline, batches included.
pyannote.audio 3 is mirrored (use_auth_token; a gated model without a token prints why and gives None);
BOLLYX_STANDIN_PYANNOTE=4 mirrors pyannote.audio 4 (token; the annotation inside a DiarizeOutput; a gated
model raises).
"""

import os
from typing import Any, Callable, List, NamedTuple, Optional

import bollyx_standins as standins
import torch
from pyannote.core import Annotation, Segment

standins.fail_import("pyannote.audio")

# Frequencies closer than this are one voice.
_VOICE_BAND_HZ = 50


class DiarizeOutput(NamedTuple):
    speaker_diarization: Annotation


class SpeakerDiarization:
    def __init__(self, wraps_output: bool) -> None:
        self.device = torch.device("cpu")
        self._wraps_output = wraps_output

    def to(self, device: "torch.device") -> "SpeakerDiarization":
        if not isinstance(device, torch.device):
            raise TypeError(f"`device` must be an instance of `torch.device`, got `{type(device).__name__}`")
        self.device = device
        return self

    def __call__(self, file: str, **kwargs: Any) -> Any:
        return self.apply(file, **kwargs)

    def apply(
        self,
        file: str,
        num_speakers: Optional[int] = None,
        min_speakers: Optional[int] = None,
        max_speakers: Optional[int] = None,
        return_embeddings: bool = False,
        hook: Optional[Callable[..., None]] = None,
    ) -> Any:
        report: Callable[..., None] = hook or (lambda *args, **kwargs: None)
        samples, rate = standins.read_wav(file)
        stretches = standins.sound_stretches(samples, rate)
        for step in ("segmentation", "embeddings"):
            for completed in range(1, len(stretches) + 1):
                if standins.out_of_memory_on(self.device.type):
                    torch.raise_out_of_memory(self.device.type)
                report(step, None, file=file, total=len(stretches), completed=completed)
            report(step, object(), file=file)
            if step == "segmentation":
                report("speaker_counting", object(), file=file)
        frequencies = [standins.frequency(samples, rate, start, end) for start, end in stretches]
        labels = _labels(frequencies, max_speakers)
        annotation = Annotation()
        for (start, end), label in zip(stretches, labels):
            annotation[Segment(start, end), "_"] = label
        report("discrete_diarization", annotation, file=file)
        return DiarizeOutput(annotation) if self._wraps_output else annotation


def _labels(frequencies: List[float], max_speakers: Optional[int]) -> List[str]:
    bands = [round(frequency / _VOICE_BAND_HZ) for frequency in frequencies]
    ranked = sorted(set(bands), reverse=True)
    limit = len(ranked) if max_speakers is None else max_speakers
    return [f"SPEAKER_{min(ranked.index(band), limit - 1):02d}" for band in bands]


def _load(checkpoint: str, token: Optional[str], wraps_output: bool) -> Optional[SpeakerDiarization]:
    standins.fail_model(checkpoint)
    if checkpoint.startswith("pyannote/") and token is None and not standins.hub_offline():
        if wraps_output:
            from huggingface_hub.errors import GatedRepoError

            raise GatedRepoError(f"Access to model {checkpoint} is restricted. You must have access to it and be authenticated to access it.")
        print(f"Could not download '{checkpoint}' pipeline. It might be because the pipeline is private or gated so make sure to authenticate.")
        return None
    return SpeakerDiarization(wraps_output)


class _Pipeline3:
    @classmethod
    def from_pretrained(cls, checkpoint_path: str, hparams_file: Optional[str] = None, use_auth_token: Optional[str] = None, cache_dir: Optional[str] = None) -> Optional[SpeakerDiarization]:
        return _load(checkpoint_path, use_auth_token, wraps_output=False)


class _Pipeline4:
    @classmethod
    def from_pretrained(cls, checkpoint: str, revision: Optional[str] = None, hparams_file: Optional[str] = None, token: Optional[str] = None, cache_dir: Optional[str] = None) -> Optional[SpeakerDiarization]:
        return _load(checkpoint, token, wraps_output=True)


Pipeline = _Pipeline4 if os.environ.get("BOLLYX_STANDIN_PYANNOTE") == "4" else _Pipeline3
