"""Test stand-in for pyannote.audio 3.4.0: Pipeline.from_pretrained(...), .to(torch.device), pipeline(file, ...)
as bollyx's diarization script calls it, loading as the real one loads (see core/pipeline.py, core/model.py).

Deterministic from the audio: each stretch of sound is a turn; its speaker is its tone's frequency, the
highest frequency labelled SPEAKER_00 (so labels do not follow first appearance). max_speakers merges the
lowest ones. The hook hears the steps of pyannote's speaker-diarization pipeline, batches included.
"""

import bollyx_standins as standins

standins.fail_import("pyannote.audio")

__version__ = "3.4.0"

from pyannote.audio.core.model import Model  # noqa: E402
from pyannote.audio.core.pipeline import Pipeline  # noqa: E402

__all__ = ["Model", "Pipeline"]
