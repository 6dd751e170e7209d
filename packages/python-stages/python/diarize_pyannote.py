"""Speaker diarization with pyannote.audio 3: audio in, who spoke when out.

Request: device (cpu|cuda|metal), model (a pyannote pipeline: a hub id such as pyannote/speaker-diarization-3.1,
or its pulled snapshot folder, whose config.yaml is loaded), output, threads, audio, minSpeakers?, maxSpeakers?.
The gated models' token is HF_TOKEN in the environment. pyannote.audio finds the pipeline (given by id) and the
models its config.yaml names in PYANNOTE_CACHE, which must be the Hugging Face cache they were pulled into.
Result: {"turns": [{start, end, speaker}]} sorted by start, the speakers named SPEAKER_00, SPEAKER_01, ... in
the order they first speak.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import bollyx_stage as stage

# The steps pyannote's speaker-diarization pipelines report to their hook, in order.
_STEPS = ("segmentation", "speaker_counting", "embeddings", "discrete_diarization")


@dataclass(frozen=True)
class Job(stage.ThreadedJob):
    audio: str
    min_speakers: Optional[int]
    max_speakers: Optional[int]


def read_job(request: stage.Request) -> Job:
    job = Job(
        **vars(stage.read_threaded_job(request, ("cpu", "cuda", "metal"))),
        audio=request.readable_file("audio"),
        min_speakers=request.optional_integer("minSpeakers"),
        max_speakers=request.optional_integer("maxSpeakers"),
    )
    if job.min_speakers is not None and job.max_speakers is not None and job.min_speakers > job.max_speakers:
        raise stage.bad_request(f"`minSpeakers` ({job.min_speakers}) is more than `maxSpeakers` ({job.max_speakers})")
    return job


class _StepProgress:
    """pyannote's hook: called at the end of each step, and per batch (with total and completed) inside the long
    ones."""

    def __init__(self, progress: stage.Progress) -> None:
        self._progress = progress

    def __call__(
        self,
        step_name: str,
        step_artifact: Any,
        file: Any = None,
        total: Optional[int] = None,
        completed: Optional[int] = None,
    ) -> None:
        if step_name not in _STEPS:
            return
        done = completed / total if total and completed is not None else 1.0
        self._progress.report((_STEPS.index(step_name) + done) / len(_STEPS), step_name.replace("_", " "))


def _checkpoint(model: str) -> str:
    """What pyannote.audio 3 loads a pipeline from: a hub id as it is, or a pulled snapshot folder's config.yaml
    (it reads any path that is not a file as a hub id, so the folder itself would not load)."""
    if not os.path.isabs(model):
        return model
    config = os.path.join(model, "config.yaml")
    if not os.path.isfile(config):
        raise stage.StageError(
            "MODEL_MISSING",
            f"the model folder {model} has no config.yaml, which pyannote.audio loads a pipeline from. "
            f"{stage.pull_hint(model)}",
        )
    return config


def _load_pipeline(pyannote_audio: Any, model: str) -> Any:
    try:
        pipeline = pyannote_audio.Pipeline.from_pretrained(
            _checkpoint(model), use_auth_token=os.environ.get("HF_TOKEN")
        )
    except Exception as error:
        # pyannote.audio 3 fetches the pipeline and the models its config.yaml names into its own cache, CACHE_DIR
        # ($PYANNOTE_CACHE when it was imported), not into the Hugging Face cache bollyx pulls them into.
        cache_dir = pyannote_audio.core.model.CACHE_DIR
        hub_cache = stage.hub_cache_dir()
        if stage.missing_model_error(error) is not None and os.path.realpath(cache_dir) != os.path.realpath(hub_cache):
            raise stage.StageError(
                "MODEL_MISSING",
                f"{type(error).__name__}: {str(error).rstrip('.')}. "
                f"pyannote.audio looks for its models in PYANNOTE_CACHE ({cache_dir}), not in "
                f"the Hugging Face cache {hub_cache} that `bollyx models pull` fills: "
                f"set PYANNOTE_CACHE={hub_cache} (`bollyx run` does)",
            ) from error
        raise
    # pyannote.audio 3 prints why and returns None when the hub refuses a gated pipeline.
    if pipeline is None:
        raise stage.StageError(
            "MODEL_MISSING",
            f"pyannote could not load {model}, a gated model: accept its conditions at https://huggingface.co/{model}, "
            f"set HF_TOKEN (or BOLLYX_HF_TOKEN), then pull it with `bollyx models pull NAME` "
            f"(`bollyx models list` shows the NAME of {model})",
        )
    return pipeline


def _speaker_turns(annotation: Any) -> List[Dict[str, Any]]:
    tracks = sorted(
        (segment.start, segment.end, str(label)) for segment, _, label in annotation.itertracks(yield_label=True)
    )
    names: Dict[str, str] = {}
    return [
        {
            "start": round(start, 3),
            "end": round(end, 3),
            "speaker": names.setdefault(label, f"SPEAKER_{len(names):02d}"),
        }
        for start, end, label in tracks
    ]


def diarize(job: Job, progress: stage.Progress) -> Dict[str, Any]:
    pyannote_audio = stage.import_backend("pyannote.audio", environment="pyannote")
    torch = stage.import_backend("torch", environment="pyannote")
    torch.set_num_threads(job.threads)
    progress.report(0, f"loading {job.model} on {job.device}")
    pipeline = _load_pipeline(pyannote_audio, job.model)
    pipeline.to(torch.device(stage.TORCH_DEVICES[job.device]))
    options: Dict[str, Any] = {}
    if job.min_speakers is not None:
        options["min_speakers"] = job.min_speakers
    if job.max_speakers is not None:
        options["max_speakers"] = job.max_speakers
    turns = _speaker_turns(pipeline(job.audio, hook=_StepProgress(progress), **options))
    progress.report(1, f"{len(turns)} turns of {len({turn['speaker'] for turn in turns})} speakers")
    return {"turns": turns}


if __name__ == "__main__":
    stage.run_stage(read_job, diarize)
