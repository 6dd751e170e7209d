"""Test stand-in for IndicTransToolkit.processor (1.1.1, a Cython module in the real package): IndicProcessor
tags each text with its language pair before the model and tidies the model's output after it, as the real
one does (without its script normalisation), with the pinned release's parameters."""

from typing import List, Optional, Sequence

import bollyx_standins as standins

standins.fail_import("IndicTransToolkit")


class IndicProcessor:
    def __init__(self, inference: bool = True) -> None:
        self.inference = inference

    def preprocess_batch(
        self,
        batch: Sequence[str],
        src_lang: str,
        tgt_lang: Optional[str] = None,
        is_target: bool = False,
        visualize: bool = False,
    ) -> List[str]:
        texts = [" ".join(text.split()) for text in batch]
        return texts if is_target else [f"{src_lang} {tgt_lang} {text}" for text in texts]

    def postprocess_batch(
        self, sents: Sequence[str], lang: str = "hin_Deva", visualize: bool = False, num_return_sequences: int = 1
    ) -> List[str]:
        if num_return_sequences <= 0:
            raise ValueError("num_return_sequences must be a positive integer.")
        if len(sents) % num_return_sequences != 0:
            raise ValueError(
                f"len(sents) ({len(sents)}) must be divisible by num_return_sequences ({num_return_sequences})."
            )
        return [" ".join(sentence.split()) for sentence in sents]
