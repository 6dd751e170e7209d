"""What the test stand-ins share: the failure switch, 16-bit PCM WAV reading, and where the sound is.

BOLLYX_STANDIN_FAIL=import makes a stand-in fail to import (a broken install), =model-missing makes it
miss its model the way huggingface_hub does offline, =cuda-oom makes it run out of accelerator memory on
any device but the CPU. BOLLYX_STANDIN_CALLS=FILE makes them append each call's arguments of interest
to FILE as a JSON line, so a test sees what reached the library (a prompt, hotwords).
"""

import array
import json
import os
import sys
import wave
from typing import List, Sequence, Tuple

_FRAME_SECONDS = 0.01
# Quieter than this (of full scale) is silence; sound apart by less than _MIN_GAP_SECONDS is one stretch.
_SILENCE_RMS = 0.01 * 32768
_MIN_GAP_SECONDS = 0.2


def record_call(call: str, **arguments: object) -> None:
    """Appends {"call", ...arguments} to $BOLLYX_STANDIN_CALLS, when set."""
    path = os.environ.get("BOLLYX_STANDIN_CALLS")
    if path:
        with open(path, "a", encoding="utf-8") as calls:
            calls.write(json.dumps({"call": call, **arguments}, ensure_ascii=False) + "\n")


def failure() -> str:
    return os.environ.get("BOLLYX_STANDIN_FAIL", "")


def fail_import(module: str) -> None:
    if failure() == "import":
        raise ImportError(
            f"libcudnn_ops.so.9: cannot open shared object file: No such file or directory (loading {module})"
        )


def fail_model(repo: str) -> None:
    if failure() == "model-missing":
        from huggingface_hub.errors import LocalEntryNotFoundError

        raise LocalEntryNotFoundError(
            f"Cannot find an appropriate cached snapshot folder for {repo} on the local disk and outgoing traffic "
            "has been disabled. To enable repo look-ups and downloads online, pass 'local_files_only=False' as input."
        )


def out_of_memory_on(device: str) -> bool:
    return failure() == "cuda-oom" and device != "cpu"


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").upper() in ("1", "ON", "YES", "TRUE")


def read_wav(path: str) -> Tuple[Sequence[int], int]:
    """The first channel's 16-bit samples and the sample rate."""
    with wave.open(path, "rb") as audio:
        if audio.getsampwidth() != 2:
            raise ValueError(f"{path}: only 16-bit PCM is read here")
        channels, rate = audio.getnchannels(), audio.getframerate()
        samples = array.array("h")
        samples.frombytes(audio.readframes(audio.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples[::channels], rate


def _loud(frame: Sequence[int]) -> bool:
    return len(frame) > 0 and (sum(sample * sample for sample in frame) / len(frame)) ** 0.5 > _SILENCE_RMS


def sound_stretches(samples: Sequence[int], rate: int) -> List[Tuple[float, float]]:
    """(start, end) in seconds of each stretch of sound, to 10 ms."""
    size = int(rate * _FRAME_SECONDS)
    loud = [_loud(samples[first:first + size]) for first in range(0, len(samples), size)]
    stretches: List[Tuple[float, float]] = []
    for index, is_loud in enumerate(loud):
        if not is_loud:
            continue
        start, end = round(index * _FRAME_SECONDS, 3), round((index + 1) * _FRAME_SECONDS, 3)
        if stretches and start - stretches[-1][1] < _MIN_GAP_SECONDS:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches


def frequency(samples: Sequence[int], rate: int, start: float, end: float) -> float:
    """The frequency of a tone between start and end, from its zero crossings."""
    part = samples[int(start * rate):int(end * rate)]
    crossings = sum(1 for before, after in zip(part, part[1:]) if (before < 0) != (after < 0))
    return crossings / 2 / max(end - start, _FRAME_SECONDS)
