"""Test stand-in for WhisperX 3.7.9: as in the real package, the top-level functions are lazy wrappers of
whisperx.asr (load_model), whisperx.audio (load_audio) and whisperx.alignment (load_align_model, align)."""

import importlib

import bollyx_standins as standins

standins.fail_import("whisperx")

__version__ = "3.7.9"


def _lazy_import(name):
    module = importlib.import_module(f"whisperx.{name}")
    return module


def load_align_model(*args, **kwargs):
    alignment = _lazy_import("alignment")
    return alignment.load_align_model(*args, **kwargs)


def align(*args, **kwargs):
    alignment = _lazy_import("alignment")
    return alignment.align(*args, **kwargs)


def load_model(*args, **kwargs):
    asr = _lazy_import("asr")
    return asr.load_model(*args, **kwargs)


def load_audio(*args, **kwargs):
    audio = _lazy_import("audio")
    return audio.load_audio(*args, **kwargs)
