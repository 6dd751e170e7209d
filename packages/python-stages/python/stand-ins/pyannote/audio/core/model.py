"""pyannote.audio.core.model as 3.4.0 loads a model: a file as it is, anything else a hub id fetched with
hf_hub_download into CACHE_DIR ($PYANNOTE_CACHE, read at import), not into the Hugging Face cache. The
weights are not read: a Model is the file it was loaded from."""

import os
from typing import Any, Dict, Optional
from urllib.parse import urlparse

from huggingface_hub import hf_hub_download
from huggingface_hub.utils import RepositoryNotFoundError
from pyannote.audio import __version__

CACHE_DIR: str = os.getenv("PYANNOTE_CACHE", os.path.expanduser("~/.cache/torch/pyannote"))
HF_PYTORCH_WEIGHTS_NAME = "pytorch_model.bin"
HF_LIGHTNING_CONFIG_NAME = "config.yaml"


class Model:
    def __init__(self, checkpoint: str) -> None:
        self.checkpoint = checkpoint

    def eval(self) -> "Model":
        return self

    @classmethod
    def from_pretrained(
        cls,
        checkpoint: str,
        map_location: Any = None,
        hparams_file: Optional[str] = None,
        strict: bool = True,
        use_auth_token: Optional[str] = None,
        cache_dir: str = CACHE_DIR,
        **kwargs: Any,
    ) -> Optional["Model"]:
        checkpoint = str(checkpoint)
        if os.path.isfile(checkpoint):
            return cls(checkpoint)
        if urlparse(checkpoint).scheme in ("http", "https"):
            raise NotImplementedError("the stand-in loads no checkpoint from a URL")
        model_id, _, revision = checkpoint.partition("@")
        download: Dict[str, Any] = dict(
            repo_type="model",
            revision=revision or None,
            library_name="pyannote",
            library_version=__version__,
            cache_dir=cache_dir,
            use_auth_token=use_auth_token,
        )
        try:
            path_for_pl = hf_hub_download(model_id, HF_PYTORCH_WEIGHTS_NAME, **download)
        except RepositoryNotFoundError:
            print(
                f"\nCould not download '{model_id}' model.\n"
                "It might be because the model is private or gated so make\n"
                "sure to authenticate. Visit https://hf.co/settings/tokens to\n"
                "create your access token and retry with:\n\n"
                f"   >>> Model.from_pretrained('{model_id}',\n"
                "   ...                       use_auth_token=YOUR_AUTH_TOKEN)\n\n"
                "If this still does not work, it might be because the model is gated:\n"
                f"visit https://hf.co/{model_id} to accept the user conditions."
            )
            return None
        # pyannote fetches the model's config.yaml only for the hub's download counters, and ignores its absence.
        try:
            hf_hub_download(model_id, HF_LIGHTNING_CONFIG_NAME, **download)
        except Exception:
            pass
        return cls(path_for_pl)
