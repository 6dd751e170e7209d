"""Text translation with IndicTrans2 (transformers + IndicTransToolkit): between English and the Indian
languages ISO 639-1 names.

Request: device (cpu|cuda|metal), computeType, model (such as ai4bharat/indictrans2-indic-en-1B), output,
threads, source and target (ISO 639-1), texts, batchSize. Result: {"language": target, "texts": [...]} in
the request's order and count; blank texts stay empty.
"""

from __future__ import annotations

import contextlib
from typing import Any, ContextManager, Dict, List

import bollyx_stage as stage

# The FLORES-200 codes of IndicTrans2's languages that ISO 639-1 names.
_LANGUAGES = (
    "asm_Beng", "ben_Beng", "eng_Latn", "guj_Gujr", "hin_Deva", "kan_Knda", "kas_Arab", "mal_Mlym", "mar_Deva",
    "npi_Deva", "ory_Orya", "pan_Guru", "san_Deva", "snd_Arab", "tam_Taml", "tel_Telu", "urd_Arab",
)


def read_job(request: stage.Request) -> stage.TranslationJob:
    return stage.read_translation_job(request, "IndicTrans2", _LANGUAGES)


def _target_vocabulary(tokenizer: Any) -> ContextManager[Any]:
    # IndicTrans2's tokenizer decodes with its source vocabulary unless switched; transformers releases
    # without as_target_tokenizer leave the switch to the tokenizer itself.
    switch = getattr(tokenizer, "as_target_tokenizer", None)
    return switch() if switch is not None else contextlib.nullcontext()


def translate(job: stage.TranslationJob, progress: stage.Progress) -> Dict[str, Any]:
    transformers = stage.import_backend("transformers", environment="indictrans2")
    torch = stage.import_backend("torch", environment="indictrans2")
    toolkit = stage.import_backend("IndicTransToolkit", environment="indictrans2")
    device, dtype = stage.prepare_torch(torch, job, progress)
    processor = toolkit.IndicProcessor(inference=True)
    tokenizer = transformers.AutoTokenizer.from_pretrained(job.model, trust_remote_code=True)
    model = transformers.AutoModelForSeq2SeqLM.from_pretrained(job.model, trust_remote_code=True)
    model = model.to(device=device, dtype=dtype).eval()

    def translate_batch(batch: List[str]) -> List[str]:
        # The processor tags each text with its language pair and normalises its script.
        tagged = processor.preprocess_batch(batch, src_lang=job.source_code, tgt_lang=job.target_code)
        generated = stage.generate_translations(torch, model, tokenizer, tagged, device)
        with _target_vocabulary(tokenizer):
            decoded = tokenizer.batch_decode(generated, skip_special_tokens=True, clean_up_tokenization_spaces=True)
        return processor.postprocess_batch(decoded, lang=job.target_code)

    texts = stage.translate_in_batches(job.texts, job.batch_size, translate_batch, progress)
    return {"language": job.target, "texts": texts}


if __name__ == "__main__":
    stage.run_stage(read_job, translate)
