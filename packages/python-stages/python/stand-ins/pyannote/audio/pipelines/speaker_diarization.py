"""pyannote.audio.pipelines.SpeakerDiarization: loads its segmentation and embedding models as 3.4.0 does
(Model.from_pretrained with the default cache_dir, CACHE_DIR), then hears turns in the audio."""

from typing import Any, Callable, Dict, List, Mapping, Optional, Union

import bollyx_standins as standins
import torch
from pyannote.audio.core.model import Model
from pyannote.audio.core.pipeline import Pipeline
from pyannote.core import Annotation, Segment

# Frequencies closer than this are one voice.
_VOICE_BAND_HZ = 50

PipelineModel = Union[Model, str, Mapping]


def _get_model(model: PipelineModel, use_auth_token: Optional[str]) -> Model:
    """pyannote.audio.pipelines.utils.getter.get_model: None from a refused hub fails here, as it does there."""
    if isinstance(model, str):
        loaded = Model.from_pretrained(model, use_auth_token=use_auth_token, strict=False)
    elif isinstance(model, Mapping):
        arguments: Dict[str, Any] = {"use_auth_token": use_auth_token, **model}
        loaded = Model.from_pretrained(**arguments)
    else:
        loaded = model
    return loaded.eval()  # type: ignore[union-attr]


def _embedding_model(embedding: PipelineModel, use_auth_token: Optional[str]) -> Model:
    """PretrainedSpeakerEmbedding: a name with "pyannote" in it (or anything not SpeechBrain, NeMo or WeSpeaker
    ONNX) is a pyannote model."""
    if (
        isinstance(embedding, str)
        and "pyannote" not in embedding
        and any(name in embedding for name in ("speechbrain", "nvidia", "wespeaker"))
    ):
        raise NotImplementedError(f"the stand-in loads pyannote embedding models only, not {embedding}")
    return _get_model(embedding, use_auth_token)


class SpeakerDiarization(Pipeline):
    def __init__(
        self,
        segmentation: PipelineModel = "pyannote/segmentation@2022.07",
        segmentation_step: float = 0.1,
        embedding: PipelineModel = "speechbrain/spkrec-ecapa-voxceleb@5c0be3875fda05e81f3c004ed8c7c06be308de1e",
        embedding_exclude_overlap: bool = False,
        clustering: str = "AgglomerativeClustering",
        embedding_batch_size: int = 1,
        segmentation_batch_size: int = 1,
        der_variant: Optional[dict] = None,
        use_auth_token: Optional[str] = None,
    ) -> None:
        super().__init__()
        self.segmentation_model = _get_model(segmentation, use_auth_token)
        self.embedding_model = _embedding_model(embedding, use_auth_token)

    def apply(
        self,
        file: str,
        num_speakers: Optional[int] = None,
        min_speakers: Optional[int] = None,
        max_speakers: Optional[int] = None,
        return_embeddings: bool = False,
        hook: Optional[Callable[..., None]] = None,
    ) -> Annotation:
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
        return annotation


def _labels(frequencies: List[float], max_speakers: Optional[int]) -> List[str]:
    bands = [round(frequency / _VOICE_BAND_HZ) for frequency in frequencies]
    ranked = sorted(set(bands), reverse=True)
    limit = len(ranked) if max_speakers is None else max_speakers
    return [f"SPEAKER_{min(ranked.index(band), limit - 1):02d}" for band in bands]
