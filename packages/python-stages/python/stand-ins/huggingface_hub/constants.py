"""huggingface_hub.constants: the cache folder and offline switch, read once at import as the real ones are."""

import os
from typing import Optional

DEFAULT_REVISION = "main"
REPO_TYPES = [None, "model", "dataset", "space"]


def _is_true(value: Optional[str]) -> bool:
    return value is not None and value.upper() in {"1", "ON", "YES", "TRUE"}


_default_home = os.path.join(os.path.expanduser("~"), ".cache")
HF_HOME = os.path.expandvars(
    os.path.expanduser(os.getenv("HF_HOME", os.path.join(os.getenv("XDG_CACHE_HOME", _default_home), "huggingface")))
)
HF_HUB_CACHE = os.path.expandvars(
    os.path.expanduser(os.getenv("HF_HUB_CACHE", os.getenv("HUGGINGFACE_HUB_CACHE", os.path.join(HF_HOME, "hub"))))
)
HF_HUB_OFFLINE = _is_true(os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE"))
