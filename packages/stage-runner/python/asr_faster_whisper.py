"""ASR with faster-whisper (CTranslate2): the condensed speech WAV in, segments of timed words out.

Request: device (cpu|cuda), computeType, model, output, threads, audio, language (or null to detect),
task (transcribe|translate), beamSize. Result: {"language", "segments": [{start, end, text, words}]}.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional

import bollyx_stage as stage


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
    )


def transcribe(job: Job, progress: stage.Progress) -> Dict[str, Any]:
    faster_whisper = stage.import_backend("faster_whisper", environment="whisperx")
    compute_type = stage.ctranslate2_compute_type(job.device, job.compute_type)
    progress.report(0, f"loading {job.model} on {job.device} ({compute_type})")
    model = faster_whisper.WhisperModel(job.model, device=job.device, compute_type=compute_type, cpu_threads=job.threads)
    # No VAD filter: the audio is already the speech the pipeline's VAD kept, end to end.
    segments, info = model.transcribe(
        job.audio.path,
        language=job.language,
        task=job.task,
        beam_size=job.beam_size,
        word_timestamps=True,
        vad_filter=False,
    )
    heard = []
    # The segments arrive as a generator: decoding happens while this loop runs.
    for segment in segments:
        words = [(word.word, word.start, word.end) for word in segment.words or []]
        result = stage.heard_segment(segment.text, segment.start, segment.end, words)
        if result is not None:
            heard.append(result)
        progress.report(segment.end / job.audio.duration, f"transcribed {segment.end:.1f} of {job.audio.duration:.1f} s")
    progress.report(1, f"transcribed {len(heard)} segments")
    return {"language": "en" if job.task == "translate" else info.language, "segments": heard}


if __name__ == "__main__":
    stage.run_stage(read_job, transcribe)
