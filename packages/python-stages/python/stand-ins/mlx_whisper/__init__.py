"""Test stand-in for mlx-whisper 0.4.3 (laid out as the real package): transcribe(...) as bollyx's scripts
call it. See mlx_whisper.transcribe."""

from . import decoding, load_models
from ._version import __version__
from .transcribe import transcribe

__all__ = ["decoding", "load_models", "transcribe", "__version__"]
