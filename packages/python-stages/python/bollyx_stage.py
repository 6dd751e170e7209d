"""The contract every bollyx Python stage script speaks. Standard library only, Python 3.9+.

    <python> <script> --request request.json

The request is a JSON object; the result is JSON written atomically to the request's `output`. Progress,
log lines and, last, an error go to stderr as JSON lines, one object per line:

    {"event": "progress", "fraction": 0.42, "message": "..."}
    {"event": "log", "message": "..."}
    {"event": "error", "code": "DEVICE_ERROR", "message": "..."}

Exit status: 0 ok, 1 failed, 2 bad request, 3 model missing, 4 device error, 5 backend missing.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import os
import re
import sys
import tempfile
import traceback
import unicodedata
import wave
from dataclasses import dataclass
from types import ModuleType
from typing import (
    Any, Callable, Dict, Iterable, Iterator, List, NamedTuple, NoReturn, Optional, Protocol, Sequence, Set, TextIO,
    Tuple, TypeVar, cast,
)

_EXIT_STATUSES = {"FAILED": 1, "BAD_REQUEST": 2, "MODEL_MISSING": 3, "DEVICE_ERROR": 4, "BACKEND_MISSING": 5}

DEVICES = ("cpu", "cuda", "metal")
COMPUTE_TYPES = ("int8", "int8_float16", "float16", "float32")
TORCH_DEVICES = {"cpu": "cpu", "cuda": "cuda", "metal": "mps"}
SPEECH_SAMPLE_RATE = 16000

# What CUDA, cuDNN, CTranslate2, PyTorch and MLX say when the accelerator is the problem (absent, out of
# memory, wrong driver): the same stage may still pass on the CPU.
_DEVICE_FAILURES = {
    "cuda": re.compile(r"CUDA|cuDNN|CUBLAS|out of memory|no CUDA-capable device", re.IGNORECASE),
    "metal": re.compile(r"metal|MPS|out of memory", re.IGNORECASE),
}
_DEVICE_NAMES = {"cuda": "CUDA", "metal": "Metal"}

# huggingface_hub's errors for a model that is not there; transformers and pyannote raise their own errors
# from them, so the whole cause chain is searched.
_MODEL_MISSING_ERRORS = {"LocalEntryNotFoundError", "RepositoryNotFoundError", "RevisionNotFoundError"}

_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")

# ISO 639-1 codes to the FLORES-200 codes NLLB-200 and IndicTrans2 name languages by (language_Script).
FLORES_200 = {
    "af": "afr_Latn", "ak": "aka_Latn", "am": "amh_Ethi", "ar": "arb_Arab", "as": "asm_Beng", "ay": "ayr_Latn",
    "az": "azj_Latn", "ba": "bak_Cyrl", "be": "bel_Cyrl", "bg": "bul_Cyrl", "bm": "bam_Latn", "bn": "ben_Beng",
    "bo": "bod_Tibt", "bs": "bos_Latn", "ca": "cat_Latn", "cs": "ces_Latn", "cy": "cym_Latn", "da": "dan_Latn",
    "de": "deu_Latn", "dz": "dzo_Tibt", "ee": "ewe_Latn", "el": "ell_Grek", "en": "eng_Latn", "eo": "epo_Latn",
    "es": "spa_Latn", "et": "est_Latn", "eu": "eus_Latn", "fa": "pes_Arab", "ff": "fuv_Latn", "fi": "fin_Latn",
    "fj": "fij_Latn", "fo": "fao_Latn", "fr": "fra_Latn", "ga": "gle_Latn", "gd": "gla_Latn", "gl": "glg_Latn",
    "gn": "grn_Latn", "gu": "guj_Gujr", "ha": "hau_Latn", "he": "heb_Hebr", "hi": "hin_Deva", "hr": "hrv_Latn",
    "ht": "hat_Latn", "hu": "hun_Latn", "hy": "hye_Armn", "id": "ind_Latn", "ig": "ibo_Latn", "is": "isl_Latn",
    "it": "ita_Latn", "ja": "jpn_Jpan", "jv": "jav_Latn", "ka": "kat_Geor", "kg": "kon_Latn", "ki": "kik_Latn",
    "kk": "kaz_Cyrl", "km": "khm_Khmr", "kn": "kan_Knda", "ko": "kor_Hang", "ks": "kas_Arab", "ku": "kmr_Latn",
    "ky": "kir_Cyrl", "lb": "ltz_Latn", "lg": "lug_Latn", "li": "lim_Latn", "ln": "lin_Latn", "lo": "lao_Laoo",
    "lt": "lit_Latn", "lv": "lvs_Latn", "mg": "plt_Latn", "mi": "mri_Latn", "mk": "mkd_Cyrl", "ml": "mal_Mlym",
    "mn": "khk_Cyrl", "mr": "mar_Deva", "ms": "zsm_Latn", "mt": "mlt_Latn", "my": "mya_Mymr", "nb": "nob_Latn",
    "ne": "npi_Deva", "nl": "nld_Latn", "nn": "nno_Latn", "no": "nob_Latn", "ny": "nya_Latn", "oc": "oci_Latn",
    "om": "gaz_Latn", "or": "ory_Orya", "pa": "pan_Guru", "pl": "pol_Latn", "ps": "pbt_Arab", "pt": "por_Latn",
    "qu": "quy_Latn", "ro": "ron_Latn", "ru": "rus_Cyrl", "rw": "kin_Latn", "sa": "san_Deva", "sc": "srd_Latn",
    "sd": "snd_Arab", "sg": "sag_Latn", "si": "sin_Sinh", "sk": "slk_Latn", "sl": "slv_Latn", "sm": "smo_Latn",
    "sn": "sna_Latn", "so": "som_Latn", "sq": "als_Latn", "sr": "srp_Cyrl", "ss": "ssw_Latn", "st": "sot_Latn",
    "su": "sun_Latn", "sv": "swe_Latn", "sw": "swh_Latn", "ta": "tam_Taml", "te": "tel_Telu", "tg": "tgk_Cyrl",
    "th": "tha_Thai", "ti": "tir_Ethi", "tk": "tuk_Latn", "tl": "tgl_Latn", "tn": "tsn_Latn", "tr": "tur_Latn",
    "ts": "tso_Latn", "tt": "tat_Cyrl", "tw": "twi_Latn", "ug": "uig_Arab", "uk": "ukr_Cyrl", "ur": "urd_Arab",
    "uz": "uzn_Latn", "vi": "vie_Latn", "wo": "wol_Latn", "xh": "xho_Latn", "yi": "ydd_Hebr", "yo": "yor_Latn",
    "zh": "zho_Hans", "zu": "zul_Latn",
}


class StageError(Exception):
    """A failure the script understands: its code names the exit status."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def bad_request(message: str) -> StageError:
    return StageError("BAD_REQUEST", message)


def _emit(event: Dict[str, Any]) -> None:
    sys.stderr.write(json.dumps(event, ensure_ascii=False) + "\n")
    sys.stderr.flush()


def log(message: str) -> None:
    _emit({"event": "log", "message": message})


class Progress:
    """Progress events whose fraction (0-1) never goes backwards: the runner draws them as a bar."""

    def __init__(self) -> None:
        self._last = 0.0

    def report(self, fraction: float, message: str) -> None:
        self._last = max(self._last, min(1.0, fraction))
        _emit({"event": "progress", "fraction": round(self._last, 4), "message": message})


class SpeechAudio(NamedTuple):
    path: str
    duration: float


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


class Request:
    """The request's fields, each read with a check that names the field when it fails."""

    def __init__(self, fields: Dict[str, Any]) -> None:
        self._fields = fields

    def _value(self, key: str) -> Any:
        value = self._fields.get(key)
        if value is None:
            raise bad_request(f"the request has no `{key}`")
        return value

    def string(self, key: str) -> str:
        value = self._value(key)
        if not isinstance(value, str) or value.strip() == "":
            raise bad_request(f"`{key}` must be a non-empty string, not {_shown(value)}")
        return value

    def optional_string(self, key: str) -> Optional[str]:
        return None if self._fields.get(key) is None else self.string(key)

    def choice(self, key: str, choices: Sequence[str]) -> str:
        value = self.string(key)
        if value not in choices:
            raise bad_request(f"`{key}` must be one of {', '.join(choices)}, not {_shown(value)}")
        return value

    def integer(self, key: str, minimum: int = 1) -> int:
        return _checked_integer(key, self._value(key), minimum)

    def optional_integer(self, key: str, minimum: int = 1) -> Optional[int]:
        value = self._fields.get(key)
        return None if value is None else _checked_integer(key, value, minimum)

    def device(self, supported: Sequence[str]) -> str:
        device = self.choice("device", DEVICES)
        if device not in supported:
            raise bad_request(f"this backend runs on {' or '.join(supported)}, not {device}")
        return device

    def compute_type(self) -> str:
        return self.choice("computeType", COMPUTE_TYPES)

    def model(self) -> str:
        model = self.string("model")
        if not (os.path.isabs(model) or _REPO_ID.match(model)):
            raise bad_request(
                f"`model` must be a Hugging Face repo id (org/name) or an absolute folder, not {_shown(model)}"
            )
        return model

    def output(self) -> str:
        output = self.string("output")
        if not os.path.isabs(output):
            raise bad_request(f"`output` must be an absolute path, not {_shown(output)}")
        if not os.path.isdir(os.path.dirname(output)):
            raise bad_request(f"the folder of `output` does not exist: {os.path.dirname(output)}")
        return output

    def readable_file(self, key: str) -> str:
        path = self.string(key)
        if not os.path.isfile(path) or not os.access(path, os.R_OK):
            raise bad_request(f"`{key}` is not a readable file: {path}")
        return path

    def speech_audio(self, key: str) -> SpeechAudio:
        """The 16 kHz mono PCM WAV the pipeline gives speech stages, with its duration in seconds."""
        path = self.readable_file(key)
        try:
            with wave.open(path, "rb") as audio:
                rate, channels, frames = audio.getframerate(), audio.getnchannels(), audio.getnframes()
        except (wave.Error, EOFError) as error:
            raise bad_request(f"`{key}` is not a PCM WAV file ({error}): {path}") from error
        if rate != SPEECH_SAMPLE_RATE or channels != 1:
            raise bad_request(f"`{key}` must be 16 kHz mono, not {rate} Hz with {channels} channels: {path}")
        if frames == 0:
            raise bad_request(f"`{key}` holds no audio: {path}")
        return SpeechAudio(path, frames / rate)

    def language(self, key: str) -> str:
        value = self.string(key)
        if not _LANGUAGE_CODE.match(value):
            raise bad_request(f"`{key}` must be an ISO 639-1 code such as hi or en, not {_shown(value)}")
        return value

    def optional_language(self, key: str) -> Optional[str]:
        return None if self._fields.get(key) is None else self.language(key)

    def strings(self, key: str) -> List[str]:
        value = self._value(key)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise bad_request(f"`{key}` must be a list of strings, not {_shown(value)}")
        return value

    def timed_texts(self, key: str) -> List[Dict[str, Any]]:
        """A list of {start, end, text} in seconds, each ending no earlier than it starts."""
        value = self._value(key)
        if not isinstance(value, list):
            raise bad_request(f"`{key}` must be a list of {{start, end, text}}, not {_shown(value)}")
        for index, item in enumerate(value):
            if not _is_timed_text(item):
                raise bad_request(
                    f"`{key}[{index}]` must be {{start, end, text}} with 0 <= start <= end, not {_shown(item)}"
                )
        return [{"start": item["start"], "end": item["end"], "text": item["text"]} for item in value]


def _checked_integer(key: str, value: Any, minimum: int) -> int:
    # bool is an int in Python, but `true` is not a count.
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise bad_request(f"`{key}` must be an integer of at least {minimum}, not {_shown(value)}")
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_timed_text(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and _is_number(item.get("start"))
        and _is_number(item.get("end"))
        and isinstance(item.get("text"), str)
        and 0 <= item["start"] <= item["end"]
    )


@dataclass(frozen=True)
class ThreadedJob:
    """The fields a stage that computes with torch reads first: device, model, output and its CPU threads."""

    device: str
    model: str
    output: str
    threads: int


def read_threaded_job(request: Request, devices: Sequence[str]) -> ThreadedJob:
    return ThreadedJob(
        device=request.device(devices),
        model=request.model(),
        output=request.output(),
        threads=request.integer("threads"),
    )


def flores_code(language: str, backend: str, supported: Optional[Sequence[str]] = None) -> str:
    """The FLORES-200 code of an ISO 639-1 code, when `backend` translates that language."""
    code = FLORES_200.get(language)
    if code is None or (supported is not None and code not in supported):
        raise bad_request(f"{backend} does not translate the language {language!r}")
    return code


class _RequestArguments(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise bad_request(f"{message} (usage: {self.prog} --request REQUEST.json)")


def _load_request(argv: Sequence[str]) -> Request:
    parser = _RequestArguments(description="Runs one bollyx stage: request JSON in, result JSON out.")
    parser.add_argument("--request", required=True, help="the request JSON file")
    path = parser.parse_args(argv).request
    try:
        with open(path, encoding="utf-8") as file:
            fields = json.load(file)
    except OSError as error:
        raise bad_request(f"cannot read the request {path}: {error.strerror}") from error
    except ValueError as error:
        raise bad_request(f"the request {path} is not JSON: {error}") from error
    if not isinstance(fields, dict):
        raise bad_request(f"the request {path} must be a JSON object")
    return Request(fields)


def import_backend(module: str, environment: str) -> ModuleType:
    """The outside library, or BACKEND_MISSING naming the environment that carries it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise StageError(
            "BACKEND_MISSING",
            f"{module} cannot be imported by {sys.executable} ({error}): "
            f"create its environment with `bollyx env create {environment}`",
        ) from error


def hub_cache_dir() -> str:
    """Where huggingface_hub keeps models: HF_HUB_CACHE, else HF_HOME/hub, else its default under ~/.cache."""
    if os.environ.get("HF_HUB_CACHE"):
        return os.environ["HF_HUB_CACHE"]
    cache_home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(os.environ.get("HF_HOME") or os.path.join(cache_home, "huggingface"), "hub")


def _hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").upper() in ("1", "ON", "YES", "TRUE")


def _in_hub_cache(repo: str) -> bool:
    """True when the hub cache holds the snapshot `refs/main` names: what the libraries load offline."""
    repo_dir = os.path.join(hub_cache_dir(), "models--" + repo.replace("/", "--"))
    try:
        with open(os.path.join(repo_dir, "refs", "main"), encoding="utf-8") as file:
            commit = file.read().strip()
    except OSError:
        return False
    return commit != "" and os.path.isdir(os.path.join(repo_dir, "snapshots", commit))


def pull_hint(model: str) -> str:
    return f"Pull it with `bollyx models pull NAME` (`bollyx models list` shows the NAME of {model})"


def _check_model(model: str) -> None:
    """A model folder must exist; a repo id must be cached when downloads are off (HF_HUB_OFFLINE=1)."""
    if os.path.isabs(model):
        if not os.path.isdir(model):
            raise StageError("MODEL_MISSING", f"the model folder {model} does not exist")
    elif _hub_offline() and not _in_hub_cache(model):
        raise StageError(
            "MODEL_MISSING",
            f"{model} is not in the Hugging Face cache {hub_cache_dir()} and downloads are off (HF_HUB_OFFLINE=1). "
            f"{pull_hint(model)}",
        )


def missing_model_error(error: BaseException) -> Optional[BaseException]:
    """The library's "model not found" exception behind `error` (itself, or its cause or context), if any."""
    seen: Set[int] = set()
    current: Optional[BaseException] = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if any(cls.__name__ in _MODEL_MISSING_ERRORS for cls in type(current).__mro__):
            return current
        current = current.__cause__ or current.__context__
    return None


class StageJob(Protocol):
    @property
    def device(self) -> str: ...

    @property
    def model(self) -> str: ...

    @property
    def output(self) -> str: ...


def _classify_failure(error: BaseException, job: Optional[StageJob]) -> Tuple[str, str]:
    """The error code of an outside library's exception; a device error keeps the library's own text."""
    text = f"{type(error).__name__}: {error}"
    if job is None:
        return "FAILED", text
    missing = missing_model_error(error)
    if missing is not None:
        # A library that wraps the hub's error (whisperX's aligner raises ValueError) keeps what was missing.
        cause = "" if missing is error else f" (caused by {type(missing).__name__}: {missing})"
        return "MODEL_MISSING", f"{text}{cause}. {pull_hint(job.model)}"
    pattern = _DEVICE_FAILURES.get(job.device)
    if pattern is not None and pattern.search(str(error)):
        return "DEVICE_ERROR", f"{_DEVICE_NAMES[job.device]} error: {text}"
    return "FAILED", text


def _write_json_atomically(path: str, value: Any) -> None:
    """Writes a temp file beside `path`, then renames it: a reader never sees half a result."""
    directory, name = os.path.split(path)
    descriptor, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            # allow_nan=False: a NaN time fails here, loudly, instead of writing JSON no reader accepts.
            json.dump(value, file, ensure_ascii=False, allow_nan=False)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _fail(code: str, message: str) -> NoReturn:
    _emit({"event": "error", "code": code, "message": message})
    sys.exit(_EXIT_STATUSES[code])


Job = TypeVar("Job", bound=StageJob)


def run_stage(read: Callable[[Request], Job], execute: Callable[[Job, Progress], Dict[str, Any]]) -> NoReturn:
    """Reads and checks the request (before the outside library is imported), runs the stage, writes its result."""
    job: Optional[Job] = None
    try:
        job = read(_load_request(sys.argv[1:]))
        _check_model(job.model)
        _write_json_atomically(job.output, execute(job, Progress()))
    except StageError as error:
        _fail(error.code, error.message)
    except Exception as error:  # the outside library failed: say whose fault it was
        log("".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip())
        _fail(*_classify_failure(error, job))
    sys.exit(0)


def ctranslate2_compute_type(device: str, compute_type: str) -> str:
    # CTranslate2 has no float16 kernels on the CPU and refuses float16 and int8_float16 there; int8 is its
    # fastest CPU type.
    if device == "cpu" and compute_type in ("float16", "int8_float16"):
        log(f"CTranslate2 cannot compute {compute_type} on the CPU: using int8")
        return "int8"
    return compute_type


def float_type(device: str, compute_type: str) -> str:
    """float16 or float32 for torch and MLX: half precision on a GPU only. Their int8 needs a quantised
    model, which these stages do not load."""
    chosen = "float16" if device != "cpu" and compute_type in ("float16", "int8_float16") else "float32"
    if chosen != compute_type:
        log(f"computeType {compute_type} on {device}: computing in {chosen}")
    return chosen


class _LineSink(io.TextIOBase):
    def __init__(self, on_line: Callable[[str], None]) -> None:
        super().__init__()
        self._on_line = on_line
        self.pending = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            if line.strip():
                self._on_line(line.strip())
        return len(text)


@contextlib.contextmanager
def printed_progress(pattern: re.Pattern[str], report: Callable[[re.Match[str]], None]) -> Iterator[None]:
    """Hands each line printed to stdout that `pattern` matches to `report`, and logs the others: for
    libraries that report progress only by printing."""

    def on_line(line: str) -> None:
        match = pattern.match(line)
        if match:
            report(match)
        else:
            log(line)

    sink = _LineSink(on_line)
    # A text stream at run time; typeshed's redirect_stdout names IO[str], which io.TextIOBase is not declared to be.
    with contextlib.redirect_stdout(cast(TextIO, sink)):
        yield
    if sink.pending.strip():
        on_line(sink.pending.strip())


Word = Dict[str, Any]
RawWord = Tuple[str, Optional[float], Optional[float]]


def _ms(seconds: float) -> float:
    return round(seconds, 3)


def _visible_length(text: str) -> int:
    # Combining marks (Devanagari vowel signs, the virama) take no time of their own.
    return sum(1 for character in text if not unicodedata.category(character).startswith("M"))


def _spread_words(texts: Sequence[str], start: float, end: float) -> List[Word]:
    """Words sharing [start, end] by their visible length."""
    weights = [max(1, _visible_length(text)) for text in texts]
    total = sum(weights)
    span = max(0.0, end - start)
    words: List[Word] = []
    cursor = start
    for text, weight in zip(texts, weights):
        length = span * weight / total
        words.append({"text": text, "start": _ms(cursor), "end": _ms(cursor + length)})
        cursor += length
    return words


def _fill_untimed(words: Sequence[RawWord], start: float, end: float) -> List[Word]:
    """Timed words as they are; untimed ones (WhisperX 3.7.9 leaves a word untimed only when the interpolation
    of its segment finds no timed neighbour) share the gap between their timed neighbours."""
    timed: List[Word] = []
    waiting: List[str] = []
    for text, word_start, word_end in words:
        if word_start is None or word_end is None:
            waiting.append(text)
            continue
        timed += _spread_words(waiting, timed[-1]["end"] if timed else start, word_start)
        waiting = []
        timed.append({"text": text, "start": _ms(word_start), "end": _ms(max(word_start, word_end))})
    return timed + _spread_words(waiting, timed[-1]["end"] if timed else start, end)


def heard_segment(text: str, start: float, end: float, raw_words: Sequence[RawWord]) -> Optional[Dict[str, Any]]:
    """A result segment with timed words (stripped of Whisper's leading spaces, empty ones dropped), or None
    when nothing was heard in it."""
    end = max(start, end)
    words = [(word.strip(), word_start, word_end) for word, word_start, word_end in raw_words if word.strip()]
    # A segment without timed words still shows, its words sharing its time: WhisperX transcribes without
    # timestamps, and its aligner gives up on a segment none of whose characters its model knows.
    timed = _fill_untimed(words, start, end) if words else _spread_words(text.split(), start, end)
    if not timed:
        return None
    return {
        "start": _ms(start),
        "end": _ms(end),
        "text": " ".join(text.split()) or " ".join(word["text"] for word in timed),
        "words": timed,
    }


RawSegment = Tuple[str, float, float, Sequence[RawWord]]


def heard_segments(segments: Iterable[RawSegment]) -> List[Dict[str, Any]]:
    """The segments (text, start, end, words) in which something was heard, as `heard_segment` makes them."""
    return [heard for heard in (heard_segment(*segment) for segment in segments) if heard is not None]


@dataclass(frozen=True)
class TranscriptionJob:
    """What every ASR request holds: device, computeType, model, output, audio (the speech WAV), language
    (None to detect it), task (transcribe|translate) and prompt (the film's names to bias the decoder
    toward, or None)."""

    device: str
    compute_type: str
    model: str
    output: str
    audio: SpeechAudio
    language: Optional[str]
    task: str
    prompt: Optional[str]


def read_transcription_job(request: Request, devices: Sequence[str]) -> TranscriptionJob:
    return TranscriptionJob(
        device=request.device(devices),
        compute_type=request.compute_type(),
        model=request.model(),
        output=request.output(),
        audio=request.speech_audio("audio"),
        language=request.optional_language("language"),
        task=request.choice("task", ("transcribe", "translate")),
        prompt=request.optional_string("prompt"),
    )


def transcription_result(
    job: TranscriptionJob, detected_language: str, segments: Iterable[RawSegment], progress: Progress
) -> Dict[str, Any]:
    """The ASR result: the heard segments, in the language detected, or English when the task translated."""
    heard = heard_segments(segments)
    progress.report(1, f"transcribed {len(heard)} segments")
    return {"language": "en" if job.task == "translate" else detected_language, "segments": heard}


@dataclass(frozen=True)
class TranslationJob:
    device: str
    compute_type: str
    model: str
    output: str
    threads: int
    target: str  # ISO 639-1, as the result names it
    source_code: str  # FLORES-200, as the models name languages
    target_code: str
    texts: List[str]
    batch_size: int


def read_translation_job(request: Request, backend: str, supported: Optional[Sequence[str]] = None) -> TranslationJob:
    """A translation request: device, computeType, model, output, threads, source and target (ISO 639-1),
    texts, batchSize."""
    target = request.language("target")
    return TranslationJob(
        device=request.device(DEVICES),
        compute_type=request.compute_type(),
        model=request.model(),
        output=request.output(),
        threads=request.integer("threads"),
        target=target,
        source_code=flores_code(request.language("source"), backend, supported),
        target_code=flores_code(target, backend, supported),
        texts=request.strings("texts"),
        batch_size=request.integer("batchSize"),
    )


def translate_in_batches(
    texts: Sequence[str], batch_size: int, translate: Callable[[List[str]], Sequence[str]], progress: Progress
) -> List[str]:
    """Translations in the texts' order; blank texts stay empty and never reach the model."""
    todo = [index for index, text in enumerate(texts) if text.strip()]
    translated = [""] * len(texts)
    for first in range(0, len(todo), batch_size):
        indexes = todo[first:first + batch_size]
        batch = [texts[index].strip() for index in indexes]
        outputs = list(translate(batch))
        if len(outputs) != len(batch):
            raise StageError("FAILED", f"the translator returned {len(outputs)} texts for a batch of {len(batch)}")
        for index, output in zip(indexes, outputs):
            translated[index] = output.strip()
        done = first + len(batch)
        progress.report(done / len(todo), f"translated {done} of {len(todo)} texts")
    progress.report(1, f"translated {len(todo)} texts")
    return translated


# The translation models' own limit (max_source_positions): subtitle lines are far shorter, and a longer
# text is cut rather than failing its batch.
_TRANSLATION_MAX_TOKENS = 256
_TRANSLATION_BEAMS = 5


def prepare_torch(torch: ModuleType, job: TranslationJob, progress: Progress) -> Tuple[Any, Any]:
    """Gives torch the job's CPU threads and says the model is loading; returns the torch device and the
    float dtype the job computes in."""
    torch.set_num_threads(job.threads)
    device = torch.device(TORCH_DEVICES[job.device])
    dtype = getattr(torch, float_type(job.device, job.compute_type))
    progress.report(0, f"loading {job.model} on {job.device}")
    return device, dtype


def generate_translations(
    torch: ModuleType, model: Any, tokenizer: Any, texts: List[str], device: Any, **options: Any
) -> Any:
    """The token ids a transformers sequence-to-sequence model generates for a batch, by beam search."""
    inputs = tokenizer(
        texts, truncation=True, padding="longest", max_length=_TRANSLATION_MAX_TOKENS, return_tensors="pt"
    ).to(device)
    with torch.inference_mode():
        return model.generate(**inputs, num_beams=_TRANSLATION_BEAMS, max_length=_TRANSLATION_MAX_TOKENS, **options)
