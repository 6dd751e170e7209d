"""ASR with faster-whisper (CTranslate2): the condensed speech WAV in, segments of timed words out.

Request: device (cpu|cuda), computeType, model, output, threads, audio, language (or null to detect),
task (transcribe|translate), beamSize, prompt (optional: the film's names).
Result: {"language", "segments": [{start, end, text, words}]}.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator

import bollyx_stage as stage


@dataclass(frozen=True)
class Job(stage.TranscriptionJob):
    threads: int
    beam_size: int


def read_job(request: stage.Request) -> Job:
    return Job(
        **vars(stage.read_transcription_job(request, ("cpu", "cuda"))),
        threads=request.integer("threads"),
        beam_size=request.integer("beamSize"),
    )


def _streamed(segments: Iterable[Any], duration: float, progress: stage.Progress) -> Iterator[stage.RawSegment]:
    # The segments arrive as a generator: decoding happens while they are read.
    for segment in segments:
        words = [(word.word, word.start, word.end) for word in segment.words or []]
        yield segment.text, segment.start, segment.end, words
        progress.report(segment.end / duration, f"transcribed {segment.end:.1f} of {duration:.1f} s")


def transcribe(job: Job, progress: stage.Progress) -> Dict[str, Any]:
    faster_whisper = stage.import_backend("faster_whisper", environment="whisperx")
    compute_type = stage.ctranslate2_compute_type(job.device, job.compute_type)
    progress.report(0, f"loading {job.model} on {job.device} ({compute_type})")
    model = faster_whisper.WhisperModel(
        job.model, device=job.device, compute_type=compute_type, cpu_threads=job.threads
    )
    # No VAD filter: the audio is already the speech the pipeline's VAD kept, end to end. The names go in as
    # hotwords, which faster-whisper puts before every window's prompt (an initial_prompt conditions only
    # the first window and then gives way to the text decoded so far).
    segments, info = model.transcribe(
        job.audio.path,
        language=job.language,
        task=job.task,
        beam_size=job.beam_size,
        word_timestamps=True,
        vad_filter=False,
        hotwords=job.prompt,
    )
    return stage.transcription_result(job, info.language, _streamed(segments, job.audio.duration, progress), progress)


if __name__ == "__main__":
    stage.run_stage(read_job, transcribe)
