"""ASR with mlx-whisper on Apple Silicon: the condensed speech WAV in, segments of timed words out.

Request: device (metal|cpu), computeType, model, output, audio, language (or null to detect),
task (transcribe|translate), prompt (optional: the film's names). mlx-whisper has no beam search, so
beamSize is not read.
Result: {"language", "segments": [{start, end, text, words}]}.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Dict

import bollyx_stage as stage

# What mlx-whisper prints per decoded segment with verbose=True: "[00:01.000 --> 01:02.480] text" (hours
# appear past the first one). Its only progress report besides a tqdm bar.
_SEGMENT_LINE = re.compile(r"^\[[\d:.]+ --> (?:(\d+):)?(\d+):(\d+\.\d+)\]")


def read_job(request: stage.Request) -> stage.TranscriptionJob:
    return stage.read_transcription_job(request, ("metal", "cpu"))


def _report_segments(progress: stage.Progress, duration: float) -> Callable[[re.Match[str]], None]:
    def report(match: re.Match[str]) -> None:
        hours, minutes, seconds = match.groups()
        end = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
        progress.report(end / duration, f"transcribed {end:.1f} of {duration:.1f} s")

    return report


def transcribe(job: stage.TranscriptionJob, progress: stage.Progress) -> Dict[str, Any]:
    mlx_whisper = stage.import_backend("mlx_whisper", environment="mlx")
    mx = stage.import_backend("mlx.core", environment="mlx")
    # MLX computes on the Metal GPU by default; the CPU is the fallback after a Metal error.
    if job.device == "cpu":
        mx.set_default_device(mx.cpu)
    fp16 = stage.float_type(job.device, job.compute_type) == "float16"
    progress.report(0, f"transcribing with {job.model} on {job.device}")
    with stage.printed_progress(_SEGMENT_LINE, _report_segments(progress, job.audio.duration)):
        transcript = mlx_whisper.transcribe(
            job.audio.path,
            path_or_hf_repo=job.model,
            word_timestamps=True,
            language=job.language,
            task=job.task,
            fp16=fp16,
            # mlx-whisper 0.4.3 has no carry_initial_prompt: the names condition the first window, then
            # give way to the text decoded so far.
            initial_prompt=job.prompt,
            verbose=True,
        )
    segments = (
        (
            segment["text"],
            segment["start"],
            segment["end"],
            [(word["word"], word["start"], word["end"]) for word in segment.get("words", [])],
        )
        for segment in transcript["segments"]
    )
    return stage.transcription_result(job, transcript["language"], segments, progress)


if __name__ == "__main__":
    stage.run_stage(read_job, transcribe)
