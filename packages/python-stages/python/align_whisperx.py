"""Word alignment with WhisperX's wav2vec2 aligner: ASR segments and their WAV in, the same speech with
each word timed by forced alignment out.

Request: device (cpu|cuda), model (the wav2vec2 alignment model), output, threads, audio, language,
segments [{start, end, text}] in the audio's own time. Result: {"language", "segments": [{start, end, text, words}]}.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List

import bollyx_stage as stage


@dataclass(frozen=True)
class Job(stage.ThreadedJob):
    audio: stage.SpeechAudio
    language: str
    segments: List[Dict[str, Any]]


def read_job(request: stage.Request) -> Job:
    return Job(
        **vars(stage.read_threaded_job(request, ("cpu", "cuda"))),
        audio=request.speech_audio("audio"),
        language=request.language("language"),
        segments=request.timed_texts("segments"),
    )


def _aligned_words(segment: Dict[str, Any]) -> List[stage.RawWord]:
    # WhisperX leaves start and end off a word none of whose characters its model knows (digits, symbols).
    return [(word["word"], word.get("start"), word.get("end")) for word in segment.get("words", [])]


def align(job: Job, progress: stage.Progress) -> Dict[str, Any]:
    whisperx = stage.import_backend("whisperx", environment="whisperx")
    torch = stage.import_backend("torch", environment="whisperx")
    torch.set_num_threads(job.threads)
    progress.report(0, f"loading {job.model} on {job.device}")
    model, metadata = whisperx.load_align_model(language_code=job.language, device=job.device, model_name=job.model)
    audio = whisperx.load_audio(job.audio.path)
    heard = []
    # One segment at a time (WhisperX aligns each on its own anyway): progress per segment.
    for index, segment in enumerate(job.segments):
        if segment["text"].strip():
            aligned = whisperx.align([segment], model, metadata, audio, job.device, return_char_alignments=False)
            heard += stage.heard_segments(
                (part["text"], part["start"], part["end"], _aligned_words(part)) for part in aligned["segments"]
            )
        progress.report((index + 1) / len(job.segments), f"aligned {index + 1} of {len(job.segments)} segments")
    progress.report(1, f"aligned {len(heard)} segments")
    return {"language": job.language, "segments": heard}


if __name__ == "__main__":
    stage.run_stage(read_job, align)
