"""Test stand-in for PyTorch: devices, dtypes, threads and inference mode, as bollyx's scripts and the
other stand-ins use them."""

import contextlib
from typing import ContextManager, NoReturn

import bollyx_standins as standins
from torch import cuda

standins.fail_import("torch")

_DEVICE_TYPES = ("cpu", "cuda", "mps")


class dtype:
    def __init__(self, name: str) -> None:
        self.name = name


float16 = dtype("float16")
float32 = dtype("float32")


class device:
    def __init__(self, type: str) -> None:
        if type.split(":")[0] not in _DEVICE_TYPES:
            raise RuntimeError(
                f"Expected one of {', '.join(_DEVICE_TYPES)} device type at start of device string: {type}"
            )
        self.type = type.split(":")[0]


def set_num_threads(count: int) -> None:
    if not isinstance(count, int) or count <= 0:
        raise RuntimeError("set_num_threads expects a positive integer")


def inference_mode() -> ContextManager[None]:
    return contextlib.nullcontext()


def raise_out_of_memory(device_type: str) -> NoReturn:
    """What PyTorch raises when the accelerator runs out of memory (stand-in helper, not a torch API)."""
    if device_type == "mps":
        raise RuntimeError(
            "MPS backend out of memory (MPS allocated: 17.00 GB, other allocations: 1.00 GB, max allowed: 18.13 GB)."
        )
    raise cuda.OutOfMemoryError(
        "CUDA out of memory. Tried to allocate 2.00 GiB. "
        "GPU 0 has a total capacity of 7.79 GiB of which 1.10 GiB is free."
    )
