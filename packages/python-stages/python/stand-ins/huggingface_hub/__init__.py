"""Test stand-in for huggingface_hub 0.36.2: hf_hub_download (what pyannote.audio 3 loads its pipeline and
models with) and the errors the other stand-ins raise.

There is no network here: the stand-in hub answers only that a gated repository refuses a request without a
token (401); every other request fails as a connection error does, so a file comes from the cache or not at
all, as the real library behaves offline or without a connection.
"""

from huggingface_hub.file_download import hf_hub_download

__version__ = "0.36.2"

__all__ = ["hf_hub_download"]
