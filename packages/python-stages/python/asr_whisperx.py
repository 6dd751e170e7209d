"""ASR with WhisperX's batched faster-whisper pipeline: the condensed speech WAV in, segments out.

WhisperX decodes batches without timestamps, so its segments carry no word times: each segment's words
share its time by length until align_whisperx times them.

Request: device (cpu|cuda), computeType, model, output, threads, audio, language (or null to detect),
task (transcribe|translate), beamSize, batchSize, prompt (optional: the film's names).
Result: {"language", "segments": [{start, end, text, words}]}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable

import bollyx_stage as stage

# What WhisperX prints per speech chunk with print_progress=True.
_PROGRESS_LINE = re.compile(r"^Progress: (\d+(?:\.\d+)?)%")


@dataclass(frozen=True)
class Job(stage.TranscriptionJob):
    threads: int
    beam_size: int
    batch_size: int


def read_job(request: stage.Request) -> Job:
    return Job(
        **vars(stage.read_transcription_job(request, ("cpu", "cuda"))),
        threads=request.integer("threads"),
        beam_size=request.integer("beamSize"),
        batch_size=request.integer("batchSize"),
    )


def _report_chunks(progress: stage.Progress) -> Callable[[re.Match[str]], None]:
    def report(match: re.Match[str]) -> None:
        progress.report(float(match.group(1)) / 100, f"transcribed {match.group(1)}% of the speech chunks")

    return report


def transcribe(job: Job, progress: stage.Progress) -> Dict[str, Any]:
    whisperx = stage.import_backend("whisperx", environment="whisperx")
    compute_type = stage.ctranslate2_compute_type(job.device, job.compute_type)
    progress.report(0, f"loading {job.model} on {job.device} ({compute_type})")
    model = whisperx.load_model(
        job.model,
        job.device,
        compute_type=compute_type,
        language=job.language,
        task=job.task,
        # WhisperX decodes each speech chunk on its own, each after the initial prompt (the film's names).
        asr_options={"beam_size": job.beam_size, "initial_prompt": job.prompt},
        threads=job.threads,
    )
    audio = whisperx.load_audio(job.audio.path)
    with stage.printed_progress(_PROGRESS_LINE, _report_chunks(progress)):
        transcript = model.transcribe(
            audio, batch_size=job.batch_size, language=job.language, task=job.task, print_progress=True
        )
    segments: Iterable[stage.RawSegment] = (
        (segment["text"], segment["start"], segment["end"], []) for segment in transcript["segments"]
    )
    return stage.transcription_result(job, transcript["language"], segments, progress)


if __name__ == "__main__":
    stage.run_stage(read_job, transcribe)
