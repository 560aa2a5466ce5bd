"""The YAML-with-positions builder (smartprint/load/source.py) gives exactly what the
plain builder it replaced gave: the same data and the same map of places (values,
keys, ends, how each scalar was written, comments), and the same message for a file
it refuses, on every YAML file in the repository and the bad-input corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from smartprint.errors import Problem, UserError, Where
from smartprint.load import source
from smartprint.load.source import _COMMENT_AFTER, _MERGE_TAG, _STR_TAG, Path_, Scalar, Source, _end, _mark, _unreadable

ROOT = Path(__file__).resolve().parent.parent
_Pair = tuple[str, yaml.Node, yaml.Node]

# ---------------------------------------------------------------- the reference: the old builder, unchanged


def reference_build(loader, src, node, text):
    builder = _Builder(loader, src)
    builder.check_size(node)
    return builder.build(node, ())


class _Builder:
    """smartprint's builder before issue 21, as it was (type hints dropped)."""

    def __init__(self, loader: Any, src: Source):
        self.loader = loader
        self.src = src
        self.count = 0
        self.flat: dict[int, list[_Pair]] = {}

    def _where(self, node: yaml.Node) -> Where:
        return Where(self.src.name, *_mark(node))

    def _key(self, key_node: yaml.Node) -> str:
        key = self.loader.construct_object(key_node, deep=True) if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, (str, int, float, bool)):
            raise UserError(Problem(self._where(key_node), "a key must be a plain word"))
        return str(key) if not isinstance(key, bool) else str(key_node.value)

    def pairs(self, node: yaml.MappingNode) -> list[_Pair]:
        """The keys of a mapping with `<<: *base` merges resolved, as YAML means them: a
        key written in the mapping wins over a merged one, and of several merged
        mappings the first wins. A key written twice in one mapping is an error.
        Remembered per node, so a mapping merged many times is resolved once."""
        done = self.flat.get(id(node))
        if done is not None:
            return done
        merged: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        own: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                parts = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                for part in parts:
                    if not isinstance(part, yaml.MappingNode):
                        raise UserError(
                            Problem(
                                self._where(key_node),
                                "'<<:' merges a group of keys; write "
                                "'<<: *name' where '&name' marks a group of 'key: value' lines",
                            )
                        )
                    for key, k, v in self.pairs(part):
                        merged.setdefault(key, (k, v))
                continue
            key = self._key(key_node)
            if key in own:
                line, _ = _mark(own[key][0])
                raise UserError(
                    Problem(
                        self._where(key_node),
                        f"duplicate key '{key}' (it is already given on line {line}); keep only one",
                    )
                )
            own[key] = (key_node, value_node)
        out = [(key, *merged[key]) for key in merged if key not in own]
        out += [(key, k, v) for key, (k, v) in own.items()]
        self.flat[id(node)] = out
        return out

    def check_size(self, root: yaml.Node) -> None:
        """Count the values the file expands to, aliases included, before building any:
        a few hundred bytes of nested aliases can stand for millions of values."""
        sizes: dict[int, int] = {}

        def size(node: yaml.Node) -> int:
            known = sizes.get(id(node))
            if known is not None:
                return known
            total = 1
            if isinstance(node, yaml.MappingNode):
                total += sum(size(k) + size(v) for k, v in node.value)
            elif isinstance(node, yaml.SequenceNode):
                total += sum(size(item) for item in node.value)
            sizes[id(node)] = min(total, source.MAX_NODES + 1)
            return sizes[id(node)]

        if size(root) > source.MAX_NODES:
            raise UserError(
                Problem(
                    self._where(root),
                    f"the file stands for more than {source.MAX_NODES} values (are aliases repeating a large part?)",
                )
            )

    def build(self, node: yaml.Node, loc: Path_) -> Any:
        self.count += 1
        if self.count > source.MAX_NODES:
            raise UserError(
                self.src.problem(
                    loc, f"the file has more than {source.MAX_NODES} values (are aliases repeating a large part?)"
                )
            )
        self.src.values[loc] = _mark(node)
        self.src.ends[loc] = _end(node)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key, key_node, value_node in self.pairs(node):
                self.src.keys[loc + (key,)] = _mark(key_node)
                out[key] = self.build(value_node, loc + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        try:
            # a text is by far the most common value: take it as written, without the
            # constructor's round trip (what construct_object returns for it anyway)
            value = node.value if node.tag == _STR_TAG else self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError) as exc:  # `2024-13-45`, `!!int abc`
            raise UserError(Problem(self._where(node), _unreadable(node, exc))) from None
        quoted = node.style in ("'", '"', "|", ">")
        self.src.scalars[loc] = Scalar(node.value, quoted)
        if not quoted:
            self._note_comment(node, loc)
        return value

    def _note_comment(self, node: yaml.Node, loc: Path_) -> None:
        """Remember a ` #` comment right after a plain (or empty) value on its line."""
        line, col = _end(node)
        found = _COMMENT_AFTER.match(self.src.line(line)[col - 1 :])
        if found:
            self.src.comments[loc] = found.group(1)


# ---------------------------------------------------------------- the comparison


def _files() -> list[Path]:
    found = [
        path
        for folder in ("decks", "layouts", "examples", "tests", "smartprint", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in (".yaml", ".yml") and path.is_file()
    ]
    return found


def _load(path: Path, builder: Any, monkeypatch: pytest.MonkeyPatch) -> Source | str:
    with monkeypatch.context() as patch:
        if builder is not None:
            patch.setattr(source, "_build", builder)
        try:
            return source.load_file(path)
        except UserError as exc:
            return str(exc)


def _same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new, old = _load(path, None, monkeypatch), _load(path, reference_build, monkeypatch)
    assert new == old, path  # Source is a dataclass: data and every table compared


def test_every_yaml_file_loads_as_before(monkeypatch):
    files = _files()
    assert len(files) > 200 and any("bad_inputs" in str(p) for p in files)
    for path in files:
        _same(path, monkeypatch)


CASES = {
    "aliases.yaml": "base: &b {a: 1, b: [x, y]}\nuse: *b\nmore: [*b, *b]\n",
    "merge.yaml": "base: &b {a: 1, b: 2}\nm:\n  <<: [*b, {c: 3}]\n  a: 9  # own wins\n",
    "inline-merge.yaml": "m:\n  <<: {a: 1}\n  b: 2\n",
    "keys.yaml": "1: one\ntrue: yes\n2.5: x\nnull: y\n",
    "comments.yaml": "a: b # note\nc: '#d' # quoted\ne: # empty\nf: g#h\n",
    "duplicate-after-bad-date.yaml": "a: 2024-13-45\na: 1\n",
    "bomb.yaml": "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n",
    "many.yaml": "items:\n" + "".join(f"  - {i}\n" for i in range(60)),
}


@pytest.mark.parametrize("limit", [10_000, 50])
def test_written_cases_load_as_before(tmp_path, monkeypatch, limit):
    """Aliases, merges, odd keys, comments and the size limits, with and without aliases."""
    monkeypatch.setattr(source, "MAX_NODES", limit)
    for name, text in CASES.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        _same(path, monkeypatch)
