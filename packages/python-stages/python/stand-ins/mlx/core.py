"""Test stand-in for mlx.core: the default device, Metal's GPU unless set to the CPU, and the float dtypes."""

import bollyx_standins as standins

standins.fail_import("mlx.core")


class DeviceType:
    cpu = "cpu"
    gpu = "gpu"


class Device:
    def __init__(self, type: str, index: int = 0) -> None:
        self.type = type
        self.index = index


class Dtype:
    def __init__(self, name: str) -> None:
        self.name = name


cpu = DeviceType.cpu
gpu = DeviceType.gpu
float16 = Dtype("float16")
float32 = Dtype("float32")
_default = Device(gpu)


def default_device() -> Device:
    return _default


def set_default_device(device: object) -> None:
    global _default
    _default = device if isinstance(device, Device) else Device(str(device))
