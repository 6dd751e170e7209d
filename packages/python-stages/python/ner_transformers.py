"""Named entities with a transformers token-classification model: texts in, the names in them out.

Request: device (cpu|cuda|metal), model (such as ai4bharat/IndicNER), output, threads, texts, batchSize.
Result: {"entities": [{"text", "word", "group", "score", "start", "end"}]}: for each entity, the index of
the text it is in, its words as the text has them (start and end are character offsets in that text),
its group as the model names it (PER, LOC, ORG, …) and the model's score, in the texts' order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List

import bollyx_stage as stage


@dataclass(frozen=True)
class Job:
    device: str
    model: str
    output: str
    threads: int
    texts: List[str]
    batch_size: int


def read_job(request: stage.Request) -> Job:
    return Job(
        device=request.device(stage.DEVICES),
        model=request.model(),
        output=request.output(),
        threads=request.integer("threads"),
        texts=request.strings("texts"),
        batch_size=request.integer("batchSize"),
    )


def find_entities(job: Job, progress: stage.Progress) -> Dict[str, Any]:
    transformers = stage.import_backend("transformers", environment="indictrans2")
    torch = stage.import_backend("torch", environment="indictrans2")
    torch.set_num_threads(job.threads)
    progress.report(0, f"loading {job.model} on {job.device}")
    # "simple" joins a name's sub-word tokens (B-PER, I-PER, …) into one entity with its character span.
    tagger = transformers.pipeline(
        "token-classification",
        model=job.model,
        aggregation_strategy="simple",
        device=torch.device(stage.TORCH_DEVICES[job.device]),
    )
    todo = [index for index, text in enumerate(job.texts) if text.strip()]
    entities: List[Dict[str, Any]] = []
    for first in range(0, len(todo), job.batch_size):
        indexes = todo[first:first + job.batch_size]
        # A list of texts gives a list of entity lists, one per text.
        found = tagger([job.texts[index] for index in indexes], batch_size=job.batch_size)
        for index, text_entities in zip(indexes, found):
            for entity in text_entities:
                entities.append({
                    "text": index,
                    "word": job.texts[index][int(entity["start"]):int(entity["end"])],
                    "group": str(entity["entity_group"]),
                    "score": round(float(entity["score"]), 4),
                    "start": int(entity["start"]),
                    "end": int(entity["end"]),
                })
        done = first + len(indexes)
        progress.report(done / len(todo), f"read {done} of {len(todo)} texts")
    progress.report(1, f"found {len(entities)} entities")
    return {"entities": entities}


if __name__ == "__main__":
    stage.run_stage(read_job, find_entities)
