"""Test stand-in for transformers.pipelines.token_classification (4.46.3): TokenClassificationPipeline.

Its "model" tags each run of capitalised Latin words as a person (PER), or a place (LOC) after "in", "at"
or "from"; with aggregation_strategy="simple" it returns, as the real pipeline does, one dict per entity
(entity_group, score, word, start, end), and a list of such lists for a list of texts.
"""

import re
from typing import Any, Dict, List, Union

import bollyx_standins as standins
import torch

_CAPITALISED_RUN = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from)\s+$")


class TokenClassificationPipeline:
    def __init__(self, model: str, aggregation_strategy: str, device: Any) -> None:
        self.model = model
        self.aggregation_strategy = aggregation_strategy
        self.device = device if isinstance(device, torch.device) else torch.device(str(device or "cpu"))

    def _entities(self, text: str) -> List[Dict[str, Any]]:
        if self.aggregation_strategy == "none":
            raise NotImplementedError("the stand-in tags whole entities only (aggregation_strategy='simple')")
        return [
            {
                "entity_group": "LOC" if _PLACE_BEFORE.search(text[: match.start()]) else "PER",
                "score": 0.9,
                "word": match.group(0),
                "start": match.start(),
                "end": match.end(),
            }
            for match in _CAPITALISED_RUN.finditer(text)
        ]

    def __call__(self, inputs: Union[str, List[str]], **kwargs: Any) -> Any:
        if standins.out_of_memory_on(self.device.type):
            torch.raise_out_of_memory(self.device.type)
        if isinstance(inputs, str):
            return self._entities(inputs)
        return [self._entities(text) for text in inputs]
