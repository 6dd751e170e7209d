"""pyannote.audio.core.pipeline as 3.4.0 loads a pipeline: an existing file is its config.yaml; anything else,
a folder included, is a hub id whose config.yaml comes from hf_hub_download into cache_dir ($PYANNOTE_CACHE).
The config names the pipeline's class and its parameters; the class loads the models it names."""

import importlib
import os
from typing import Any, Dict, Optional

import torch
import yaml
from huggingface_hub import hf_hub_download
from huggingface_hub.utils import RepositoryNotFoundError
from pyannote.audio import __version__

import bollyx_standins as standins
from pyannote.audio.core.model import CACHE_DIR

PIPELINE_PARAMS_NAME = "config.yaml"
# The keys of config.yaml the stand-in reads; pyannote also reads freeze, preprocessors and device.
_CONFIG_KEYS = {"version", "pipeline", "params"}


def _class_by_name(name: str) -> Any:
    """pyannote.core.utils.helper.get_class_by_name, for a full dotted name."""
    module, _, klass = name.rpartition(".")
    return getattr(importlib.import_module(module), klass)


class Pipeline:
    @classmethod
    def from_pretrained(
        cls,
        checkpoint_path: str,
        hparams_file: Optional[str] = None,
        use_auth_token: Optional[str] = None,
        cache_dir: str = CACHE_DIR,
    ) -> Optional["Pipeline"]:
        checkpoint_path = str(checkpoint_path)
        standins.fail_model(checkpoint_path)
        if os.path.isfile(checkpoint_path):
            config_yml = checkpoint_path
        else:
            model_id, _, revision = checkpoint_path.partition("@")
            try:
                config_yml = hf_hub_download(
                    model_id,
                    PIPELINE_PARAMS_NAME,
                    repo_type="model",
                    revision=revision or None,
                    library_name="pyannote",
                    library_version=__version__,
                    cache_dir=cache_dir,
                    # pyannote 3.4.0 passes use_auth_token, which 0.36.2's validate_hf_hub_args turns into token.
                    use_auth_token=use_auth_token,  # type: ignore[call-arg]
                )
            except RepositoryNotFoundError:
                print(
                    f"\nCould not download '{model_id}' pipeline.\n"
                    "It might be because the pipeline is private or gated so make\n"
                    "sure to authenticate. Visit https://hf.co/settings/tokens to\n"
                    "create your access token and retry with:\n\n"
                    f"   >>> Pipeline.from_pretrained('{model_id}',\n"
                    "   ...                          use_auth_token=YOUR_AUTH_TOKEN)\n\n"
                    "If this still does not work, it might be because the pipeline is gated:\n"
                    f"visit https://hf.co/{model_id} to accept the user conditions."
                )
                return None

        with open(config_yml, "r") as fp:
            config = yaml.load(fp, Loader=yaml.SafeLoader)
        unread = set(config) - _CONFIG_KEYS
        if unread:
            raise NotImplementedError(f"the stand-in does not read {', '.join(sorted(unread))} in {config_yml}")
        params = dict(config["pipeline"].get("params", {}))
        params.setdefault("use_auth_token", use_auth_token)
        pipeline = _class_by_name(config["pipeline"]["name"])(**params)
        if "params" in config:
            pipeline.instantiate(config["params"])
        if hparams_file is not None:
            raise NotImplementedError("the stand-in loads no hparams_file")
        return pipeline

    def __init__(self) -> None:
        self.device = torch.device("cpu")
        self.params: Dict[str, Any] = {}

    def instantiate(self, params: Dict[str, Any]) -> "Pipeline":
        self.params = params
        return self

    def to(self, device: "torch.device") -> "Pipeline":
        if not isinstance(device, torch.device):
            raise TypeError(f"`device` must be an instance of `torch.device`, got `{type(device).__name__}`")
        self.device = device
        return self

    def __call__(self, file: str, **kwargs: Any) -> Any:
        return self.apply(file, **kwargs)

    # pyannote.pipeline.Pipeline.apply, which pyannote.audio 3.4.0's Pipeline inherits: subclasses define their own.
    def apply(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError()
