"""Test stand-in for mlx_whisper.load_models: an existing path is the model; anything else is a hub repo,
which the real one fetches with huggingface_hub.snapshot_download (the hub cache, HF_HUB_OFFLINE)."""

from pathlib import Path
from typing import Any

import bollyx_standins as standins
import mlx.core as mx


def load_model(path_or_hf_repo: str, dtype: Any = mx.float32) -> Any:
    if not Path(path_or_hf_repo).exists():
        standins.fail_model(path_or_hf_repo)
    return object()
