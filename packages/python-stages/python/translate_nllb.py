"""Text translation with NLLB-200 (transformers): texts in one language in, the same texts in another out.

Request: device (cpu|cuda|metal), computeType, model (such as facebook/nllb-200-distilled-600M), output,
threads, source and target (ISO 639-1), texts, batchSize. Result: {"language": target, "texts": [...]} in
the request's order and count; blank texts stay empty.
"""

from __future__ import annotations

from typing import Any, Dict, List

import bollyx_stage as stage


def read_job(request: stage.Request) -> stage.TranslationJob:
    return stage.read_translation_job(request, "NLLB-200")


def translate(job: stage.TranslationJob, progress: stage.Progress) -> Dict[str, Any]:
    transformers = stage.import_backend("transformers", environment="indictrans2")
    torch = stage.import_backend("torch", environment="indictrans2")
    device, dtype = stage.prepare_torch(torch, job, progress)
    tokenizer = transformers.AutoTokenizer.from_pretrained(job.model, src_lang=job.source_code)
    model = transformers.AutoModelForSeq2SeqLM.from_pretrained(job.model).to(device=device, dtype=dtype).eval()
    # NLLB writes the language whose token starts its output.
    target_token = tokenizer.convert_tokens_to_ids(job.target_code)

    def translate_batch(batch: List[str]) -> List[str]:
        generated = stage.generate_translations(
            torch, model, tokenizer, batch, device, forced_bos_token_id=target_token
        )
        return tokenizer.batch_decode(generated, skip_special_tokens=True)

    texts = stage.translate_in_batches(job.texts, job.batch_size, translate_batch, progress)
    return {"language": job.target, "texts": texts}


if __name__ == "__main__":
    stage.run_stage(read_job, translate)
