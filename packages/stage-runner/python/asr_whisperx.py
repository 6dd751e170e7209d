"""ASR with WhisperX's batched faster-whisper pipeline: the condensed speech WAV in, segments out.

WhisperX decodes batches without timestamps, so its segments carry no word times: each segment's words
share its time by length until align_whisperx times them.

Request: device (cpu|cuda), computeType, model, output, threads, audio, language (or null to detect),
task (transcribe|translate), beamSize, batchSize. Result: {"language", "segments": [{start, end, text, words}]}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional

import bollyx_stage as stage

# What WhisperX prints per speech chunk with print_progress=True.
_PROGRESS_LINE = re.compile(r"^Progress: (\d+(?:\.\d+)?)%")


@dataclass(frozen=True)
class Job:
    device: str
    compute_type: str
    model: str
    output: str
    threads: int
    audio: stage.SpeechAudio
    language: Optional[str]
    task: str
    beam_size: int
    batch_size: int


def read_job(request: stage.Request) -> Job:
    return Job(
        device=request.device(("cpu", "cuda")),
        compute_type=request.compute_type(),
        model=request.model(),
        output=request.output(),
        threads=request.integer("threads"),
        audio=request.speech_audio("audio"),
        language=request.optional_language("language"),
        task=request.choice("task", ("transcribe", "translate")),
        beam_size=request.integer("beamSize"),
        batch_size=request.integer("batchSize"),
    )


def _progress_printer(progress: stage.Progress) -> Callable[[str], None]:
    def on_line(line: str) -> None:
        match = _PROGRESS_LINE.match(line)
        if match:
            progress.report(float(match.group(1)) / 100, f"transcribed {match.group(1)}% of the speech chunks")
        else:
            stage.log(line)

    return on_line


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
        asr_options={"beam_size": job.beam_size},
        threads=job.threads,
    )
    audio = whisperx.load_audio(job.audio.path)
    with stage.stdout_lines(_progress_printer(progress)):
        transcript = model.transcribe(audio, batch_size=job.batch_size, language=job.language, task=job.task, print_progress=True)
    heard = []
    for segment in transcript["segments"]:
        result = stage.heard_segment(segment["text"], segment["start"], segment["end"], [])
        if result is not None:
            heard.append(result)
    progress.report(1, f"transcribed {len(heard)} segments")
    return {"language": "en" if job.task == "translate" else transcript["language"], "segments": heard}


if __name__ == "__main__":
    stage.run_stage(read_job, transcribe)
