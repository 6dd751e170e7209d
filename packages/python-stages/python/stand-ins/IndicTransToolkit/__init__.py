"""Test stand-in for IndicTransToolkit: IndicProcessor tags each text with its language pair before the
model and tidies the model's output after it, as the real one does (without its script normalisation)."""

from typing import List, Optional, Sequence

import bollyx_standins as standins

standins.fail_import("IndicTransToolkit")


class IndicProcessor:
    def __init__(self, inference: bool = True) -> None:
        self.inference = inference

    def preprocess_batch(self, batch: Sequence[str], src_lang: str, tgt_lang: Optional[str] = None, is_target: bool = False, visualize: bool = False) -> List[str]:
        return [f"{src_lang} {tgt_lang} {' '.join(text.split())}" for text in batch]

    def postprocess_batch(self, sents: Sequence[str], lang: str = "hin_Deva") -> List[str]:
        return [" ".join(sentence.split()) for sentence in sents]
