"""Test stand-in for transformers 4.46.3: AutoTokenizer and AutoModelForSeq2SeqLM as bollyx's translation scripts
call them, for NLLB-200 and IndicTrans2, and `pipeline("token-classification", ...)` as the ner script calls it.

A word-level tokenizer: each word gets an id (language codes such as hin_Deva and <s>, </s>, <pad> are
special tokens). The model "translates" by reversing the words of each text, into the language that
forced_bos_token_id names (NLLB) or that the second language tag of the input names (IndicTrans2); with
neither it copies the text, as a real model continues in the source language. IndicTrans2's repos hold
custom code, loaded only with trust_remote_code=True, as transformers requires. The pipeline is in
transformers.pipelines, as in the real package.
"""

import contextlib
import re
from typing import Any, ContextManager, Dict, List, Optional, Sequence

import bollyx_standins as standins
import torch

standins.fail_import("transformers")

__version__ = "4.46.3"

_LANGUAGE_TAG = re.compile(r"^[a-z]{3}_[A-Z][a-z]{3}$")
# Ids below this are special tokens, above it words: the model tells them apart by id alone.
_FIRST_WORD_ID = 1000
_EOS = 2


class BatchEncoding(dict):
    def to(self, device: "torch.device") -> "BatchEncoding":
        if not isinstance(device, (str, torch.device)):
            raise TypeError(f"Attempting to cast a BatchEncoding to type {device!r}. This is not supported.")
        return self


class _Tokenizer:
    def __init__(self, src_lang: Optional[str]) -> None:
        self.src_lang = src_lang
        self._ids: Dict[str, int] = {"<s>": 0, "<pad>": 1, "</s>": _EOS}
        self._next_special = 3
        self._next_word = _FIRST_WORD_ID

    def convert_tokens_to_ids(self, token: str) -> int:
        if token not in self._ids:
            if _LANGUAGE_TAG.match(token):
                self._ids[token] = self._next_special
                self._next_special += 1
            else:
                self._ids[token] = self._next_word
                self._next_word += 1
        return self._ids[token]

    def __call__(
        self,
        texts: Sequence[str],
        return_tensors: Optional[str] = None,
        padding: Any = False,
        truncation: bool = False,
        max_length: Optional[int] = None,
        **kwargs: Any,
    ) -> BatchEncoding:
        # NLLB's tokenizer starts each text with its source language's token.
        prefix = [self.convert_tokens_to_ids(self.src_lang)] if self.src_lang else []
        ids = [prefix + [self.convert_tokens_to_ids(word) for word in text.split()] for text in texts]
        rows = [row[: max_length if truncation else None] + [_EOS] for row in ids]
        return BatchEncoding(input_ids=rows, attention_mask=[[1] * len(row) for row in rows])

    def batch_decode(
        self,
        sequences: Sequence[Sequence[int]],
        skip_special_tokens: bool = False,
        clean_up_tokenization_spaces: Optional[bool] = None,
    ) -> List[str]:
        tokens = {token_id: token for token, token_id in self._ids.items()}
        special = _FIRST_WORD_ID if skip_special_tokens else 0
        return [" ".join(tokens[token_id] for token_id in row if token_id >= special) for row in sequences]

    def as_target_tokenizer(self) -> ContextManager[None]:
        return contextlib.nullcontext()


def _refuse_custom_code(name: str, trust_remote_code: bool) -> None:
    if "indictrans" in name.lower() and not trust_remote_code:
        raise ValueError(
            f"The repository for {name} contains custom code which must be executed to correctly load the model. "
            "Please pass the argument `trust_remote_code=True` to allow custom code to be run."
        )


class AutoTokenizer:
    @classmethod
    def from_pretrained(cls, pretrained_model_name_or_path: str, *inputs: Any, **kwargs: Any) -> _Tokenizer:
        standins.fail_model(pretrained_model_name_or_path)
        _refuse_custom_code(pretrained_model_name_or_path, kwargs.get("trust_remote_code", False))
        return _Tokenizer(kwargs.get("src_lang"))


def _translate(row: Sequence[int], target: Optional[int]) -> List[int]:
    tags = [token_id for token_id in row if token_id < _FIRST_WORD_ID and token_id != _EOS]
    words = [token_id for token_id in row if token_id >= _FIRST_WORD_ID]
    target = target if target is not None else (tags[1] if len(tags) >= 2 else None)
    return list(row) if target is None else [target] + words[::-1] + [_EOS]


class _Seq2SeqModel:
    def __init__(self) -> None:
        self.device = torch.device("cpu")
        self.dtype = torch.float32

    def to(self, device: Optional["torch.device"] = None, dtype: Optional["torch.dtype"] = None) -> "_Seq2SeqModel":
        self.device = device or self.device
        self.dtype = dtype or self.dtype
        return self

    def eval(self) -> "_Seq2SeqModel":
        return self

    def generate(
        self,
        input_ids: Sequence[Sequence[int]],
        attention_mask: Any = None,
        forced_bos_token_id: Optional[int] = None,
        **kwargs: Any,
    ) -> List[List[int]]:
        if standins.out_of_memory_on(self.device.type):
            torch.raise_out_of_memory(self.device.type)
        if self.device.type == "cpu" and self.dtype is torch.float16:
            raise RuntimeError('"addmm_impl_cpu_" not implemented for \'Half\'')
        return [_translate(row, forced_bos_token_id) for row in input_ids]


class AutoModelForSeq2SeqLM:
    @classmethod
    def from_pretrained(cls, pretrained_model_name_or_path: str, *model_args: Any, **kwargs: Any) -> _Seq2SeqModel:
        standins.fail_model(pretrained_model_name_or_path)
        _refuse_custom_code(pretrained_model_name_or_path, kwargs.get("trust_remote_code", False))
        return _Seq2SeqModel()


# Where 4.46.3 exports it from (transformers.pipelines), as `transformers.pipeline`.
from transformers.pipelines import pipeline  # noqa: E402,F401
