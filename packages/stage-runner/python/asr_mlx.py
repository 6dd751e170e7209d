"""ASR with mlx-whisper on Apple Silicon: the condensed speech WAV in, segments of timed words out.

Request: device (metal|cpu), computeType, model, output, audio, language (or null to detect),
task (transcribe|translate). mlx-whisper has no beam search, so beamSize is not read.
Result: {"language", "segments": [{start, end, text, words}]}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional

import bollyx_stage as stage

# What mlx-whisper prints per decoded segment with verbose=True: "[00:01.000 --> 01:02.480] text" (hours
# appear past the first one). Its only progress report besides a tqdm bar.
_SEGMENT_LINE = re.compile(r"^\[[\d:.]+ --> (?:(\d+):)?(\d+):(\d+\.\d+)\]")


@dataclass(frozen=True)
class Job:
    device: str
    compute_type: str
    model: str
    output: str
    audio: stage.SpeechAudio
    language: Optional[str]
    task: str


def read_job(request: stage.Request) -> Job:
    return Job(
        device=request.device(("metal", "cpu")),
        compute_type=request.compute_type(),
        model=request.model(),
        output=request.output(),
        audio=request.speech_audio("audio"),
        language=request.optional_language("language"),
        task=request.choice("task", ("transcribe", "translate")),
    )


def _segment_printer(progress: stage.Progress, duration: float) -> Callable[[str], None]:
    def on_line(line: str) -> None:
        match = _SEGMENT_LINE.match(line)
        if match:
            hours, minutes, seconds = match.groups()
            end = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
            progress.report(end / duration, f"transcribed {end:.1f} of {duration:.1f} s")
        else:
            stage.log(line)

    return on_line


def transcribe(job: Job, progress: stage.Progress) -> Dict[str, Any]:
    mlx_whisper = stage.import_backend("mlx_whisper", environment="mlx")
    mx = stage.import_backend("mlx.core", environment="mlx")
    # MLX computes on the Metal GPU by default; the CPU is the fallback after a Metal error.
    if job.device == "cpu":
        mx.set_default_device(mx.cpu)
    fp16 = stage.float_type(job.device, job.compute_type) == "float16"
    progress.report(0, f"transcribing with {job.model} on {job.device}")
    with stage.stdout_lines(_segment_printer(progress, job.audio.duration)):
        transcript = mlx_whisper.transcribe(
            job.audio.path,
            path_or_hf_repo=job.model,
            word_timestamps=True,
            language=job.language,
            task=job.task,
            fp16=fp16,
            verbose=True,
        )
    heard = []
    for segment in transcript["segments"]:
        words = [(word["word"], word["start"], word["end"]) for word in segment.get("words", [])]
        result = stage.heard_segment(segment["text"], segment["start"], segment["end"], words)
        if result is not None:
            heard.append(result)
    progress.report(1, f"transcribed {len(heard)} segments")
    return {"language": "en" if job.task == "translate" else transcript["language"], "segments": heard}


if __name__ == "__main__":
    stage.run_stage(read_job, transcribe)
