"""Test stand-in for torch.cuda: its out-of-memory error."""


class OutOfMemoryError(RuntimeError):
    pass
