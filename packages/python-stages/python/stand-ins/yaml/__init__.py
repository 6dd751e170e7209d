"""Test stand-in for PyYAML 6: yaml.load(stream, Loader=yaml.SafeLoader) for block mappings of scalars (what a
pyannote pipeline's config.yaml holds), scalars resolved as YAML 1.1's SafeLoader does. Anything else
(sequences, flow style, anchors, multi-line strings) raises YAMLError rather than being read wrongly."""

import re
from typing import IO, Any, Dict, List, Tuple, Union

__version__ = "6.0.2"

_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$")
_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}
# Sequences, flow collections, anchors, aliases, tags, block scalars, directives.
_UNSUPPORTED_KEY = tuple("-?[]{}&*!|>%@`")
_UNSUPPORTED_VALUE = tuple("[]{}&*!|>%@`")


class YAMLError(Exception):
    pass


class SafeLoader:
    pass


def _scalar(text: str) -> Any:
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text.lower() in _BOOLS:
        return _BOOLS[text.lower()]
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if _INT.match(text):
        return int(text.replace("_", ""))
    if _FLOAT.match(text) and text not in (".", "-.", "+."):
        return float(text.replace("_", ""))
    return text


def _lines(text: str) -> List[Tuple[int, str, str]]:
    """(indent, key, value) of each mapping line, comments and blank lines dropped."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        content = re.sub(r"(^|\s)#.*$", "", line).rstrip()
        if not content.strip():
            continue
        key, colon, value = content.strip().partition(":")
        if (
            not colon
            or (value and not value.startswith(" "))
            or key.startswith(_UNSUPPORTED_KEY)
            or value.strip().startswith(_UNSUPPORTED_VALUE)
        ):
            raise YAMLError(f"line {number}: the stand-in reads block mappings of scalars only: {line!r}")
        lines.append((len(content) - len(content.lstrip(" ")), key.strip(), value.strip()))
    return lines


def _mapping(lines: List[Tuple[int, str, str]], start: int, indent: int) -> Tuple[Dict[str, Any], int]:
    mapping: Dict[str, Any] = {}
    index = start
    while index < len(lines) and lines[index][0] == indent:
        _, key, value = lines[index]
        index += 1
        if value == "" and index < len(lines) and lines[index][0] > indent:
            mapping[key], index = _mapping(lines, index, lines[index][0])
        else:
            mapping[key] = _scalar(value)
    if index < len(lines) and lines[index][0] > indent:
        raise YAMLError(f"bad indentation at {lines[index][1]!r}")
    return mapping, index


def load(stream: Union[str, IO[str]], Loader: type = SafeLoader) -> Any:
    if Loader is not SafeLoader:
        raise YAMLError("the stand-in has the SafeLoader only")
    lines = _lines(stream if isinstance(stream, str) else stream.read())
    if not lines:
        return None
    mapping, end = _mapping(lines, 0, lines[0][0])
    if end != len(lines):
        raise YAMLError(f"bad indentation at {lines[end][1]!r}")
    return mapping
