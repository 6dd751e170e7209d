"""Test stand-in for faster-whisper 1.2.1: WhisperModel as bollyx's scripts call it, and the dataclasses of
faster_whisper.transcribe that whisperX builds. See faster_whisper.transcribe."""

from faster_whisper.transcribe import WhisperModel

__version__ = "1.2.1"
__all__ = ["WhisperModel", "__version__"]
