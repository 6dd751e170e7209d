"""Records the signature table of the outside libraries bollyx's Python scripts call, from their sources.

    python3 record.py --checkout faster-whisper=/path/to/git-dir ... [--tree IndicTransToolkit=/dir] > signatures.json

For each library in specs.json, each target's source file is read at the spec's ref (`git show REF:PATH` in a
--checkout git directory) or from a plain --tree directory, and parsed with `ast`: the libraries cannot be
imported here. Cython files (.pyx) are reduced to their Python-visible `def`/`cpdef` headers first. A library
with "recorded_by_hand" entries (too big to fetch) copies them as they are, marked unverified.
"""

import argparse
import ast
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

SPECS = Path(__file__).with_name("specs.json")

_KINDS = {
    "posonlyargs": "positional_only",
    "args": "positional_or_keyword",
    "kwonlyargs": "keyword_only",
}


def _read_source(library: Dict[str, Any], path: str, checkouts: Dict[str, str], trees: Dict[str, str]) -> str:
    name = library["library"]
    if name in trees:
        return (Path(trees[name]) / path).read_text(encoding="utf-8")
    if name not in checkouts:
        raise SystemExit(f"{name}: give its source with --checkout {name}=GIT_DIR or --tree {name}=DIR")
    return subprocess.run(
        ["git", "--git-dir", checkouts[name], "show", f"{library['ref']}:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


_CYTHON_HEADER = re.compile(r"^(\s*)(?:cpdef\s+[\w\[\], ]+?\s+|def\s+)(\w+)\s*\((.*?)\)\s*:", re.MULTILINE | re.DOTALL)


def _cython_parameter(declaration: str) -> str:
    """`bint visualize=False` -> `visualize=False`; `List[str] batch` -> `batch`."""
    head, equals, default = declaration.partition("=")
    name = re.sub(r"\[[^\]]*\]", "", head).split()[-1]
    return name + (equals + default.strip() if equals else "")


def _python_from_cython(source: str) -> str:
    """The Python-visible classes and methods of a Cython module, as Python: `cdef class` bodies keep their
    `def`/`cpdef` headers (their C types dropped); `__cinit__` is what calling the class accepts."""
    lines: List[str] = []
    for match in re.finditer(r"^cdef class (\w+)\b.*?:\n(.*?)(?=^\S|\Z)", source, re.MULTILINE | re.DOTALL):
        lines.append(f"class {match.group(1)}:")
        for header in _CYTHON_HEADER.finditer(match.group(2)):
            parameters = [part.strip() for part in header.group(3).split(",") if part.strip()]
            name = "__init__" if header.group(2) == "__cinit__" else header.group(2)
            lines.append(f"    def {name}({', '.join(_cython_parameter(part) for part in parameters)}): ...")
    return "\n".join(lines) + "\n"


def _find(tree: ast.Module, qualname: str) -> ast.AST:
    node: ast.AST = tree
    for part in qualname.split("."):
        body = getattr(node, "body", [])
        definitions = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        found = [child for child in body if isinstance(child, definitions) and child.name == part]
        if not found:
            raise SystemExit(f"{qualname}: no {part} in the source")
        node = found[-1]
    return node


def _decorators(node: ast.AST) -> List[str]:
    return [ast.unparse(decorator) for decorator in getattr(node, "decorator_list", [])]


def _parameters(function: Union[ast.FunctionDef, ast.AsyncFunctionDef], drop_first: bool) -> List[Dict[str, Any]]:
    arguments = function.args
    positional = arguments.posonlyargs + arguments.args
    # Defaults belong to the last positional parameters.
    defaults: List[Optional[ast.expr]] = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    parameters: List[Dict[str, Any]] = []
    for index, argument in enumerate(positional):
        kind = _KINDS["posonlyargs"] if index < len(arguments.posonlyargs) else _KINDS["args"]
        parameters.append(_parameter(argument.arg, kind, defaults[index]))
    if arguments.vararg:
        parameters.append(_parameter(arguments.vararg.arg, "var_positional", None, variadic=True))
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults):
        parameters.append(_parameter(argument.arg, _KINDS["kwonlyargs"], default))
    if arguments.kwarg:
        parameters.append(_parameter(arguments.kwarg.arg, "var_keyword", None, variadic=True))
    return parameters[1:] if drop_first else parameters


def _parameter(name: str, kind: str, default: Optional[ast.expr], variadic: bool = False) -> Dict[str, Any]:
    return {
        "name": name,
        "kind": kind,
        "required": default is None and not variadic,
        "default": None if default is None else ast.unparse(default),
    }


def _is_dataclass(node: ast.ClassDef) -> bool:
    return any(re.match(r"^(dataclasses\.)?dataclass\b", decorator) for decorator in _decorators(node))


def _entry(target: Dict[str, Any], tree: ast.Module) -> Dict[str, Any]:
    node = _find(tree, target["qualname"])
    entry: Dict[str, Any] = {"module": target["module"], "qualname": target["qualname"], "source": target["source"]}
    if target.get("exported_as"):
        entry["exported_as"] = target["exported_as"]
    if isinstance(node, ast.ClassDef):
        if _is_dataclass(node):
            entry["kind"] = "dataclass"
            entry["frozen"] = any("frozen=True" in decorator for decorator in _decorators(node))
            entry["fields"] = [
                {
                    "name": item.target.id,
                    "required": item.value is None,
                    "default": None if item.value is None else ast.unparse(item.value),
                }
                for item in node.body
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
            ]
        else:
            entry["kind"] = "class"
    else:
        assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        decorators = _decorators(node)
        is_method = "." in target["qualname"]
        entry["kind"] = "classmethod" if "classmethod" in decorators else ("method" if is_method else "function")
        entry["parameters"] = _parameters(node, drop_first="classmethod" in decorators)
    if target.get("behaviour"):
        entry["behaviour"] = target["behaviour"]
    entry["verified"] = True
    return entry


def record(specs: Dict[str, Any], checkouts: Dict[str, str], trees: Dict[str, str]) -> Dict[str, Any]:
    table: Dict[str, Any] = {}
    for library in specs["libraries"]:
        entries = []
        parsed: Dict[str, ast.Module] = {}
        for target in library.get("targets", []):
            if target["source"] not in parsed:
                source = _read_source(library, target["source"], checkouts, trees)
                if target["source"].endswith(".pyx"):
                    source = _python_from_cython(source)
                parsed[target["source"]] = ast.parse(source, target["source"])
            entries.append(_entry(target, parsed[target["source"]]))
        entries += [{**entry, "verified": False} for entry in library.get("recorded_by_hand", [])]
        table[library["library"]] = {
            "version": library["version"],
            "environment": library["environment"],
            "module": library["module"],
            "repo": library["repo"],
            "ref": library["ref"],
            **({"note": library["note"]} if library.get("note") else {}),
            "entries": entries,
        }
    return {"recorded_by": "tools/python-signatures/record.py from specs.json", "libraries": table}


def _pairs(values: List[str]) -> Dict[str, str]:
    return dict(value.split("=", 1) for value in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", action="append", default=[], help="LIBRARY=GIT_DIR, read at the spec's ref")
    parser.add_argument("--tree", action="append", default=[], help="LIBRARY=DIR, a plain source folder")
    arguments = parser.parse_args()
    specs = json.loads(SPECS.read_text(encoding="utf-8"))
    table = record(specs, _pairs(arguments.checkout), _pairs(arguments.tree))
    json.dump(table, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
