"""Load a YAML file into plain Python data plus a map of where every node stood.

Safe loading only. We compose the node tree ourselves so that every value and
every mapping key keeps its line and column (so later steps can say
`deck.yaml:12:5`), duplicate keys are refused, and the raw text of each scalar
is kept: when YAML 1.1 turns `NO` into False we can tell the user to quote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from smartprint.errors import Problem, UserError, Where, display_path

try:  # the C loader is much faster on large decks and keeps marks too
    _BaseLoader: type = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - pure-python PyYAML
    _BaseLoader = yaml.SafeLoader

Path_ = tuple[str | int, ...]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 500_000


@dataclass(frozen=True)
class Scalar:
    """How a scalar was written: its raw text and whether it was quoted."""

    raw: str
    quoted: bool


@dataclass
class Source:
    """A loaded YAML document: data, the file it came from and where each part stood."""

    path: Path
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[Path_, Scalar] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return display_path(self.path)

    def where(self, loc: Path_ = (), key: bool = False) -> Where:
        """The closest known place for `loc`: the key itself if asked, else the value,
        else the nearest parent that we know (a missing key points at its mapping)."""
        loc = tuple(loc)
        while True:
            table = self.keys if key else self.values
            if loc in table:
                line, col = table[loc]
                return Where(self.name, line, col)
            if key and loc in self.values:
                line, col = self.values[loc]
                return Where(self.name, line, col)
            if not loc:
                return Where(self.name, 1, 1)
            loc = loc[:-1]
            key = False

    def problem(self, loc: Path_, message: str, key: bool = False) -> Problem:
        return Problem(self.where(loc, key), message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, loader: Any, src: Source):
        self.loader = loader
        self.src = src
        self.count = 0

    def build(self, node: yaml.Node, loc: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise UserError(self.src.problem(loc, f"the file has more than {MAX_NODES} values "
                                             "(are aliases repeating a large part?)"))
        self.src.values[loc] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)  # handles `<<: *anchor` merges
            out: dict[str, Any] = {}
            first_seen: dict[Any, yaml.Node] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    raise UserError(Problem(Where(self.src.name, *_mark(key_node)),
                                            "a key must be a plain word"))
                key = str(key) if not isinstance(key, bool) else key_node.value
                if key in first_seen:
                    line, col = _mark(first_seen[key])
                    raise UserError(Problem(
                        Where(self.src.name, *_mark(key_node)),
                        f"duplicate key '{key}' (it is already given on line {line}); keep only one",
                    ))
                first_seen[key] = key_node
                self.src.keys[loc + (key,)] = _mark(key_node)
                out[key] = self.build(value_node, loc + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        value = self.loader.construct_object(node, deep=True)
        self.src.scalars[loc] = Scalar(node.value, node.style in ("'", '"', "|", ">"))
        return value


def _yaml_problem(name: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    what = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    text = f"{what}" + (f" ({context})" if context else "")
    hint = ""
    if "mapping values are not allowed" in text:
        hint = "; check the indentation, or put text that contains ': ' in quotes"
    elif "expected <block end>" in text or "did not find expected" in text:
        hint = "; check the indentation: items of one list or mapping must start in the same column"
    elif "found character '\\t'" in text:
        hint = "; use spaces, not tabs, for indentation"
    where = Where(name, mark.line + 1, mark.column + 1) if mark else Where(name)
    return Problem(where, f"this is not valid YAML: {text}{hint}")


def load_text(text: str, path: Path) -> Source:
    """Parse YAML text; `path` names it in messages and anchors relative paths."""
    src = Source(path=path, data=None)
    loader = _BaseLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise UserError(Problem(Where(src.name, 1, 1), "the file is empty"))
        src.data = _Builder(loader, src).build(node, ())
    except yaml.YAMLError as exc:
        raise UserError(_yaml_problem(src.name, exc)) from None
    except RecursionError:
        raise UserError(Problem(Where(src.name), "the file nests too deeply")) from None
    finally:
        loader.dispose()
    return src


def load_file(path: Path) -> Source:
    """Read and parse a YAML file with clear errors for a missing, huge or binary file."""
    name = display_path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError(f"{name}: no such file") from None
    except OSError as exc:
        raise UserError(f"{name}: cannot read it ({exc.strerror})") from None
    if path.is_dir():
        raise UserError(f"{name}: this is a folder, not a YAML file")
    if size > MAX_FILE_BYTES:
        raise UserError(f"{name}: the file is {size // 1024 // 1024} MB; "
                        f"a source file may be at most {MAX_FILE_BYTES // 1024 // 1024} MB")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(Problem(Where(name, line), "the file is not UTF-8 text; save it as UTF-8")) from None
    return load_text(text, path)
