"""Compares the stand-ins with the signature table recorded from the real libraries at their pins.

    python3 compare.py [--table signatures.json] [--stand-ins DIR]

Imports each stand-in (DIR first on the path) and checks, for every entry of the table: the name exists where
the pinned library defines it (and where our scripts import it from, `exported_as`); a function's parameters
in order, with their kind, whether each is required, and literal defaults equal; a dataclass's fields in
order, required or not, and frozen or not; and each stand-in's __version__ against the table's version.
Exits 1 naming every difference.
"""

import argparse
import ast
import dataclasses
import importlib
import inspect
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

_STAND_INS = Path(__file__).resolve().parents[2] / "packages" / "python-stages" / "python" / "stand-ins"
_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional_only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional_or_keyword",
    inspect.Parameter.VAR_POSITIONAL: "var_positional",
    inspect.Parameter.KEYWORD_ONLY: "keyword_only",
    inspect.Parameter.VAR_KEYWORD: "var_keyword",
}
_NO_VALUE = object()


def _resolve(path: str, qualname: Optional[str] = None) -> Any:
    """`module` then `qualname` inside it, or a dotted path whose module part is the longest importable one."""
    if qualname is not None:
        value: Any = importlib.import_module(path)
        for part in qualname.split("."):
            value = getattr(value, part)
        return value
    parts = path.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            module = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        return _resolve(module.__name__, ".".join(parts[split:]))
    raise ImportError(path)


def _literal(source: Optional[str]) -> Any:
    """The default's value when its source is a literal, else _NO_VALUE (only then are defaults compared)."""
    if source is None:
        return _NO_VALUE
    try:
        return ast.literal_eval(source)
    except ValueError:
        return _NO_VALUE


def _describe(name: str, kind: str, required: bool) -> str:
    return f"{name} ({kind}, {'required' if required else 'optional'})"


def _signature_of(parameter: inspect.Parameter) -> Tuple[str, str, bool]:
    variadic = parameter.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    return parameter.name, _KINDS[parameter.kind], parameter.default is inspect.Parameter.empty and not variadic


def _parameter_differences(recorded: List[Dict[str, Any]], function: Any) -> List[str]:
    actual = list(inspect.signature(function).parameters.values())
    differences = []
    for index in range(max(len(recorded), len(actual))):
        entry = recorded[index] if index < len(recorded) else None
        want = (entry["name"], entry["kind"], entry["required"]) if entry else None
        have = _signature_of(actual[index]) if index < len(actual) else None
        if entry and want == have:
            default, stand_in_default = _literal(entry["default"]), actual[index].default
            if default is not _NO_VALUE and stand_in_default != default:
                differences.append(
                    f"parameter {entry['name']}: the library's default is {entry['default']}, "
                    f"the stand-in's {stand_in_default!r}"
                )
            continue
        library = _describe(*want) if want else "none"
        stand_in = _describe(*have) if have else "none"
        differences.append(f"parameter {index + 1}: the library has {library}, the stand-in has {stand_in}")
    return differences


def _field_differences(entry: Dict[str, Any], value: Any) -> List[str]:
    if not dataclasses.is_dataclass(value):
        return ["is a dataclass in the library, not in the stand-in"]
    differences = []
    if value.__dataclass_params__.frozen != entry["frozen"]:  # type: ignore[attr-defined]
        frozen = value.__dataclass_params__.frozen
        differences.append(f"frozen is {entry['frozen']} in the library, {frozen} in the stand-in")
    recorded = [(field["name"], field["required"]) for field in entry["fields"]]
    actual = [
        (field.name, field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING)
        for field in dataclasses.fields(value)
    ]
    if recorded != actual:
        differences.append(f"fields (name, required) are {recorded} in the library, {actual} in the stand-in")
    for field, stand_in in zip(entry["fields"], dataclasses.fields(value)):
        default = _literal(field["default"])
        if field["name"] == stand_in.name and default is not _NO_VALUE and stand_in.default != default:
            differences.append(
                f"field {field['name']}: the library's default is {field['default']}, "
                f"the stand-in's {stand_in.default!r}"
            )
    return differences


def _same(first: Any, second: Any) -> bool:
    # A classmethod read off its class is a new bound method each time: compare what it wraps.
    return getattr(first, "__func__", first) is getattr(second, "__func__", second)


def _entry_differences(entry: Dict[str, Any]) -> List[str]:
    try:
        value = _resolve(entry["module"], entry["qualname"])
    except (ImportError, AttributeError) as error:
        return [f"missing from the stand-in ({error})"]
    differences = []
    if entry.get("exported_as"):
        try:
            if not _same(_resolve(entry["exported_as"]), value):
                differences.append(f"{entry['exported_as']} is not the same object")
        except (ImportError, AttributeError) as error:
            differences.append(f"{entry['exported_as']} is missing ({error})")
    if entry["kind"] == "dataclass":
        differences += _field_differences(entry, value)
    elif entry["kind"] == "class":
        if not inspect.isclass(value):
            differences.append("is a class in the library, not in the stand-in")
    else:
        differences += _parameter_differences(entry["parameters"], value)
    return differences


def compare(table: Dict[str, Any]) -> Tuple[int, List[str]]:
    checked, differences = 0, []
    for library, recorded in table["libraries"].items():
        where = f"{library} {recorded['version']}"
        version = getattr(importlib.import_module(recorded["module"]), "__version__", None)
        if version != recorded["version"]:
            differences.append(
                f"{where}: {recorded['module']}.__version__ is {version!r}, the table's version {recorded['version']!r}"
            )
        for entry in recorded["entries"]:
            checked += 1
            name = f"{entry['module']}.{entry['qualname']}"
            differences += [f"{where}: {name}: {difference}" for difference in _entry_differences(entry)]
    return checked, differences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", default=str(_STAND_INS / "signatures.json"))
    parser.add_argument("--stand-ins", default=str(_STAND_INS))
    arguments = parser.parse_args()
    sys.path.insert(0, arguments.stand_ins)
    table = json.loads(Path(arguments.table).read_text(encoding="utf-8"))
    checked, differences = compare(table)
    if differences:
        listed = "".join(f"  {line}\n" for line in differences)
        sys.stderr.write(f"The stand-ins differ from the signature table:\n{listed}")
        sys.exit(1)
    print(f"{checked} entries of {len(table['libraries'])} libraries match the stand-ins")


if __name__ == "__main__":
    main()
