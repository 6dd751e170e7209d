"""Test stand-in for transformers.pipelines (4.46.3): `pipeline`, with the pinned release's parameters, for the
token-classification task only."""

from typing import Any, Dict, Optional, Union

import bollyx_standins as standins
from transformers.pipelines.token_classification import TokenClassificationPipeline


def pipeline(
    task: Optional[str] = None,
    model: Optional[Any] = None,
    config: Optional[Any] = None,
    tokenizer: Optional[Any] = None,
    feature_extractor: Optional[Any] = None,
    image_processor: Optional[Any] = None,
    processor: Optional[Any] = None,
    framework: Optional[str] = None,
    revision: Optional[str] = None,
    use_fast: bool = True,
    token: Optional[Union[str, bool]] = None,
    device: Optional[Any] = None,
    device_map: Any = None,
    torch_dtype: Any = None,
    trust_remote_code: Optional[bool] = None,
    model_kwargs: Optional[Dict[str, Any]] = None,
    pipeline_class: Optional[Any] = None,
    **kwargs: Any,
) -> TokenClassificationPipeline:
    if task not in ("token-classification", "ner"):
        raise KeyError(f"the stand-in has only the token-classification pipeline, not {task!r}")
    if not isinstance(model, str):
        raise ValueError("the stand-in loads a model by hub id or folder only")
    standins.fail_model(model)
    # The pipeline's default for token classification is "none"; "simple" must be asked for.
    return TokenClassificationPipeline(model, kwargs.get("aggregation_strategy", "none"), device)
