"""Load a YAML file into plain Python data plus a map of where every node stood.

Safe loading only. We compose the node tree ourselves so that every value and
every mapping key keeps its line and column (so later steps can say
`deck.yaml:12:5`), duplicate keys are refused, and the raw text of each scalar
is kept: when YAML 1.1 turns `NO` into False we can tell the user to quote it.
We also keep the text of each line, so a message can show the user's own line
fixed, and note every plain value that a ` #` comment follows on its line (the
C loader drops comments; a colour `#c0392b` written without quotes is one).

YAML's own errors are parser jargon with marks that often point a line too
late; `_yaml_problem` turns the common ones into one plain line at the place a
teacher has to edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from smartprint.errors import Problem, UserError, Where, display_path

try:  # the C loader is much faster on large decks and keeps marks too
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-python PyYAML
    _BaseLoader = yaml.SafeLoader

Path_ = tuple[str | int, ...]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
_STR_TAG = "tag:yaml.org,2002:str"

_MERGE_TAG = "tag:yaml.org,2002:merge"
# The line breaks YAML counts (its marks count lines the same way).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# What YAML refuses to read (PyYAML's own definition of printable).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COMMENT_AFTER = re.compile(r"[ \t]+#(.*)")
_CONTROL_NAMES = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "TAB",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]


@dataclass(frozen=True)
class Scalar:
    """How a scalar was written: its raw text and whether it was quoted."""

    raw: str
    quoted: bool


@dataclass
class Source:
    """A loaded YAML document: data, the file it came from and where each part stood.

    `values`/`keys` hold (line, column) of each value and key, `ends` where each value
    ends, `scalars` how each scalar was written, `comments` the text of a ` #` comment
    that follows a plain value (or an empty one) on its line, and `lines` the file's
    lines, for messages that show the user's own line."""

    path: Path
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[Path_, Scalar] = field(default_factory=dict)
    ends: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    comments: dict[Path_, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # warnings found while reading (the encoding)

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

    def line(self, number: int) -> str:
        """The text of line `number` (counting from 1), or '' past the end."""
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def written(self, loc: Path_) -> str | None:
        """The value at `loc` exactly as the file has it, when it stands on one line (for
        a mapping: from its first key to the end of its last value), else None."""
        start, end = self.values.get(loc), self.ends.get(loc)
        node = self.data
        for part in loc:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        if isinstance(node, dict) and node:
            end = self.ends.get(loc + (list(node)[-1],))
        if start is None or end is None or start[0] != end[0]:
            return None
        return self.line(start[0])[start[1] - 1 : end[1] - 1].rstrip()


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _end(node: yaml.Node) -> tuple[int, int]:
    return node.end_mark.line + 1, node.end_mark.column + 1


def quote(text: str) -> str:
    """`text` as a YAML double-quoted scalar, for 'put it in quotes: …' hints."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_Pair = tuple[str, yaml.Node, yaml.Node]


def _build(loader: Any, src: Source, node: yaml.Node, text: str) -> Any:
    builder = _Builder(loader, src)
    builder.check_size(node, aliases="*" in text)  # no '*' in the text: no alias in the tree
    return builder.build(node)


_QUOTED_STYLES = frozenset(("'", '"', "|", ">"))


class _Builder:
    """Builds the data and the map of places from the composed nodes, in one walk.

    The walk is the hot part of loading a large deck, so it reads the nodes' fields
    directly and keeps the tables in locals; what it builds is tested against the
    plain, slower builder it replaced (tests/test_source_builder.py)."""

    def __init__(self, loader: Any, src: Source):
        self.loader = loader
        self.src = src
        self.count = 0
        self.flat: dict[int, list[_Pair]] = {}
        # the lines where a ` #` comment can follow a value (most lines have no '#')
        self.hash_lines = {number for number, line in enumerate(src.lines) if "#" in line}

    def _where(self, node: yaml.Node) -> Where:
        return Where(self.src.name, *_mark(node))

    def _key(self, key_node: yaml.Node) -> str:
        if key_node.tag == _STR_TAG and isinstance(key_node, yaml.ScalarNode):
            return str(key_node.value)  # what constructing it returns
        key = self.loader.construct_object(key_node, deep=True) if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, (str, int, float, bool)):
            raise UserError(Problem(self._where(key_node), "a key must be a plain word"))
        return str(key) if not isinstance(key, bool) else str(key_node.value)

    def pairs(self, node: yaml.MappingNode) -> list[_Pair]:
        """The keys of a mapping with `<<: *base` merges resolved, as YAML means them: a
        key written in the mapping wins over a merged one, and of several merged
        mappings the first wins. A key written twice in one mapping is an error.
        A mapping with merges is remembered, so one merged many times is resolved once."""
        done = self.flat.get(id(node))
        if done is not None:
            return done
        merged: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        own: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        has_merge = False
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                has_merge = True
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
        if not has_merge:
            return [(key, k, v) for key, (k, v) in own.items()]
        out = [(key, *merged[key]) for key in merged if key not in own]
        out += [(key, k, v) for key, (k, v) in own.items()]
        self.flat[id(node)] = out
        return out

    def check_size(self, root: yaml.Node, aliases: bool = True) -> None:
        """Count the values the file expands to, aliases included, before building any:
        a few hundred bytes of nested aliases can stand for millions of values. Without
        aliases every node is counted once, so a plain count (stopped at the limit) does."""
        if aliases:
            too_many = self._expanded_size(root) > MAX_NODES
        else:
            count, todo = 0, [root]
            while todo and count <= MAX_NODES:
                node = todo.pop()
                count += 1
                value = node.value
                if type(value) is list:
                    for item in value:
                        if type(item) is tuple:
                            todo += item
                        else:
                            todo.append(item)
            too_many = count > MAX_NODES
        if too_many:
            raise UserError(
                Problem(
                    self._where(root),
                    f"the file stands for more than {MAX_NODES} values (are aliases repeating a large part?)",
                )
            )

    @staticmethod
    def _expanded_size(root: yaml.Node) -> int:
        """The number of values with every alias expanded (at most MAX_NODES + 1)."""
        sizes: dict[int, int] = {}

        def size(node: yaml.Node) -> int:
            value = node.value
            if type(value) is not list:
                return 1  # a scalar
            known = sizes.get(id(node))
            if known is not None:
                return known
            total = 1
            for item in value:
                if type(item) is tuple:  # a mapping's key and value
                    total += size(item[0]) + size(item[1])
                else:
                    total += size(item)
            sizes[id(node)] = min(total, MAX_NODES + 1)
            return sizes[id(node)]

        return size(root)

    def build(self, root: yaml.Node) -> Any:
        src = self.src
        values, ends, keys, scalars = src.values, src.ends, src.keys, src.scalars
        lines, hash_lines, comments = src.lines, self.hash_lines, src.comments
        construct, pairs = self.loader.construct_object, self.pairs
        mapping_node, sequence_node = yaml.MappingNode, yaml.SequenceNode
        str_tag, quoted_styles, comment_after = _STR_TAG, _QUOTED_STYLES, _COMMENT_AFTER

        def walk(node: yaml.Node, loc: Path_) -> Any:
            self.count += 1
            if self.count > MAX_NODES:
                raise UserError(
                    src.problem(loc, f"the file has more than {MAX_NODES} values (are aliases repeating a large part?)")
                )
            start, end = node.start_mark, node.end_mark
            values[loc] = (start.line + 1, start.column + 1)
            ends[loc] = (end.line + 1, end.column + 1)
            if isinstance(node, mapping_node):
                out: dict[str, Any] = {}
                for key, key_node, value_node in pairs(node):
                    where = key_node.start_mark
                    keys[loc + (key,)] = (where.line + 1, where.column + 1)
                    out[key] = walk(value_node, loc + (key,))
                return out
            if isinstance(node, sequence_node):
                return [walk(item, loc + (i,)) for i, item in enumerate(node.value)]
            raw = node.value
            if node.tag == str_tag:
                value = raw  # a text, by far the most common value: taken as written
            else:
                try:
                    value = construct(node, deep=True)
                except (ValueError, OverflowError) as exc:  # `2024-13-45`, `!!int abc`
                    raise UserError(Problem(self._where(node), _unreadable(node, exc))) from None
            quoted = node.style in quoted_styles
            scalars[loc] = Scalar(raw, quoted)
            if not quoted and end.line in hash_lines:  # a ` #` comment right after a plain (or empty) value
                found = comment_after.match(lines[end.line][end.column :])
                if found:
                    comments[loc] = found.group(1)
            return value

        return walk(root, ())


def _unreadable(node: yaml.Node, exc: Exception) -> str:
    raw = str(node.value)
    if node.tag.endswith(":timestamp"):
        return f"YAML reads {raw} as a date, but it is not a real date; if it is text, put it in quotes: {quote(raw)}"
    tag = node.tag.rsplit(":", 1)[-1]
    return f"'{raw}' cannot be read as the {tag} its tag asks for; remove the tag, or put the value in quotes"


# ---------------------------------------------------------------- YAML's own errors


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of `text[index]`, counting line breaks as YAML does."""
    line, start = 1, 0
    for brk in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, brk.end()
    return line, index - start + 1


def _bad_character(src: Source, text: str, match: re.Match[str]) -> Problem:
    """A character YAML refuses (a NUL from a word processor, a stray escape code)."""
    ch = match.group()
    line, col = _line_and_column(text, match.start())
    code = f"U+{ord(ch):04X}"
    more = len(_NOT_PRINTABLE.findall(text)) - 1
    tail = f" ({more} more after it)" if more > 0 else ""
    if ch == "\x00" and text.count("\x00") * 4 > len(text):
        message = (
            "the file has NUL characters (U+0000) between its letters, so it is probably saved as "
            "UTF-16; save it as plain UTF-8 text"
        )
    elif ch == "\x00":
        message = f"the file contains a NUL character (U+0000){tail}, which is not text; save it as plain UTF-8 text"
    else:
        if ord(ch) < 0x20 or ch == "\x7f":
            what = f"the control character {_CONTROL_NAMES[ord(ch)] if ord(ch) < 0x20 else 'DEL'} ({code})"
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            what = f"a broken character ({code})"
        else:
            what = f"the control character {code}"
        message = f"the file contains {what}{tail}, which is not text; delete it, or save the file as plain UTF-8 text"
    return Problem(Where(src.name, line, col), message)


_DASH_NO_SPACE = re.compile(r"^(\s*)-(?=[^\s\-])")
_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?[\w\-æøåÆØÅ]+:(?=[^\s:/])")
_KEY_THEN_TEXT = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w\-]*):\s+(.*)$")
_LIST_PREFIX = re.compile(r"^(\s*-\s+)(.*)$")
_SIMPLE_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s'\"#][^:#]*?):(?:\s|$)")


def _strip_comment(text: str) -> str:
    found = re.search(r"[ \t]+#", text)
    return (text[: found.start()] if found else text).rstrip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_content_line(src: Source, number: int) -> int:
    """The number of the last line before `number` that holds more than a comment."""
    n = number - 1
    while n >= 1 and (not src.line(n).strip() or src.line(n).lstrip().startswith("#")):
        n -= 1
    return n


def _tab_at(src: Source, first: int, last: int) -> tuple[int, int] | None:
    """The first tab in the indentation of lines first..last."""
    for n in range(max(first, 1), last + 1):
        line = src.line(n)
        lead = line[: len(line) - len(line.lstrip(" \t-"))]
        if "\t" in lead:
            return n, lead.index("\t") + 1
    return None


def _colon_in_text(src: Source, line_no: int) -> tuple[int, str] | None:
    """For a line like `text: Husk dette: alle er med` or `- a: b: c`: the column the
    text starts in and the line with the text quoted."""
    line = src.line(line_no)
    keyed = _KEY_THEN_TEXT.match(line)
    if keyed and not keyed.group(3).startswith(("'", '"', "[", "{", "|", ">")):
        head = f"{keyed.group(1)}{keyed.group(2)}: "
        text = _strip_comment(keyed.group(3))
        return len(head) + 1, f"{head.strip()} {quote(text)}"
    listed = _LIST_PREFIX.match(line)
    if listed and not listed.group(2).startswith(("'", '"')):
        return len(listed.group(1)) + 1, f"- {quote(_strip_comment(listed.group(2)))}"
    return None


_COMMENT_IN_FLOW = re.compile(r"(?:([\w-]+):)?[ \t]+(#[^\s,\]}]*)")


def _comment_in_braces(src: Source, first: int, last: int) -> tuple[int, int, str] | None:
    """A ` #` inside `{ … }` or `[ … ]` (`- {name: Rød, color: #c0392b}`): YAML reads the
    rest of the line as a comment, so the braces are never closed and its error is about
    something else. The hint is the one a block mapping's colour gets: quote the value."""
    for n in range(max(1, first), last + 1):
        line = src.line(n)
        for found in _COMMENT_IN_FLOW.finditer(line):
            before = line[: found.start(2)]
            if before.count("{") + before.count("[") > before.count("}") + before.count("]"):
                key, value = found.group(1), found.group(2)
                owner = f"'{key}'" if key else "the value"
                return (
                    n,
                    found.start(2) + 1,
                    f"YAML reads everything after ' #' as a comment, even inside {{ }} or [ ], so {owner} and "
                    f"the rest of the line are lost; put the value in quotes: {quote(value)}",
                )
    return None


def _explain(
    src: Source, problem: str, context: str, pline: int, pcol: int, cline: int, ccol: int
) -> tuple[int, int, str] | None:
    """(line, column, plain message) for the YAML mistakes teachers make most."""
    pchar = src.line(pline)[pcol - 1 : pcol]
    hashed = _comment_in_braces(src, 1, max(pline, cline))
    if hashed is not None:
        return hashed
    # A tab anywhere in the indentation of the lines the parser was reading.
    tab = _tab_at(src, min(cline, pline) if cline else pline, pline)
    if tab and (pchar == "\t" or "tab" in problem or "cannot start any token" in problem or "expected" in problem):
        return *tab, "a tab is used for indentation here; use spaces, not tabs, for indentation"

    if "quoted scalar" in context and "end of stream" in problem:
        q = src.line(cline)[ccol - 1 : ccol] or '"'
        return cline, ccol, f"the quote {q} that starts here is never closed; end the text with {q}"
    if "unknown escape" in problem:
        return (
            pline,
            pcol,
            (
                'inside "…" a backslash starts a code like \\n; write \\\\ for a backslash, '
                "or put the text in single quotes ' ' instead"
            ),
        )
    if "alias" in context or "anchor" in context or "undefined alias" in problem:
        sign = "*" if "alias" in context or "alias" in problem else "&"
        return (
            (cline or pline),
            (ccol or pcol),
            (
                f"a value that starts with '{sign}' is read as a YAML reference; "
                "if it is text, put the whole text in quotes"
            ),
        )
    if "cannot start any token" in problem and pchar in "@`%!|>":
        return pline, pcol, f"a value cannot start with '{pchar}'; put the whole text in quotes"
    if "a single document" in context:
        return pline, 1, "a line '---' starts a second document; a file holds one, so remove the '---'"

    if "simple key" in context and "could not find expected ':'" in problem:
        # The mark is on the line after the real mistake: the line that holds no ':'.
        line = src.line(cline)
        if _DASH_NO_SPACE.match(line):
            col = _indent(line) + 1
            return cline, col, f"put a space after '-' to make a list item: '- {line.strip()[1:]}'"
        if _KEY_NO_SPACE.match(line):
            return cline, line.index(":") + 2, "put a space after ':' (write 'key: value')"
        return (
            cline,
            ccol,
            ("this line is neither 'key: value' nor a list item '- …'; start it with '- ' or check its indentation"),
        )

    if "mapping values are not allowed" in problem:
        # `title:Hei` on the line above (no space, so no key there) runs on into this one
        prev = _previous_content_line(src, pline)
        if prev >= 1 and _KEY_NO_SPACE.match(src.line(prev)) and not _SIMPLE_KEY.match(src.line(prev)):
            line = src.line(prev)
            return prev, line.index(":") + 2, "put a space after ':' (write 'key: value')"
        # `text: Husk dette: alle er med`: a second ': ' on a line that already has a key
        if _SIMPLE_KEY.match(src.line(pline)):
            found = _colon_in_text(src, pline)
            if found and src.line(pline).find(": ") < pcol - 1:
                col, fixed = found
                return (
                    pline,
                    col,
                    (
                        "this text has ': ' in it, so YAML reads it as a key and a value; "
                        f"put the whole text in quotes: {fixed}"
                    ),
                )
        above = src.line(prev) if prev >= 1 else ""
        if prev >= 1 and _indent(src.line(pline)) > _indent(above):
            return (
                pline,
                pcol,
                (
                    "this line is indented more than the line above it, so YAML reads it as the rest of "
                    f"that line's value; line it up with '{above.strip()[:30]}' or put text with ': ' in quotes"
                ),
            )
        return pline, pcol, "put text that contains ': ' in quotes, or check the indentation"

    if (
        "did not find expected key" in problem
        or "expected <block end>" in problem
        or "did not find expected '-' indicator" in problem
    ):
        line = src.line(pline)
        before = _strip_comment(line[: pcol - 1]).rstrip()
        if before.endswith(("'", '"', "]", "}")) and pcol - 1 > _indent(line):
            keyed = _KEY_THEN_TEXT.match(line) or _LIST_PREFIX.match(line)
            if keyed:
                head = line[: keyed.start(keyed.lastindex or 0)].strip()
                value = _strip_comment(keyed.group(keyed.lastindex or 0))
                fixed = ("'" + value.replace("'", "''") + "'") if value.startswith('"') else quote(value)
                closer = {"'": "quote", '"': "quote", "]": "']'", "}": "'}'"}[before[-1]]
                return (
                    pline,
                    pcol,
                    (
                        f"there is more text after the closing {closer}; put the whole "
                        f"text in quotes: {(head + ' ' + fixed).strip()}"
                    ),
                )
        if line.lstrip().startswith("-"):
            prev = _previous_content_line(src, pline)
            above = src.line(prev)
            keyed = _KEY_THEN_TEXT.match(above)
            if keyed and _strip_comment(keyed.group(3)):
                key = keyed.group(2)
                return (
                    pline,
                    _indent(line) + 1,
                    (
                        f"a list item '- …' cannot follow '{key}: {_strip_comment(keyed.group(3))[:30]}' on "
                        f"line {prev}; write '{key}:' alone on its line with the items under it"
                    ),
                )
        return (
            pline,
            _indent(line) + 1,
            (
                f"check the indentation: this line starts in column {_indent(line) + 1}, which matches none of "
                "the lines above it; keys of one group and '- ' items of one list start in the same column"
            ),
        )

    if "did not find expected ',' or '}'" in problem or "did not find expected ',' or ']'" in problem:
        bracket = "{" if "}" in problem else "["
        closing = "}" if bracket == "{" else "]"
        return (
            cline,
            ccol,
            (
                f"the '{bracket}' here is never closed with '{closing}' (or a ',' is missing "
                f"between two values); if the value is text, put it in quotes"
            ),
        )
    if "block sequence entries are not allowed" in problem:
        return pline, pcol, "a list item '- …' cannot stand here; put the list on its own lines under its key"
    if "could not determine a constructor for the tag" in problem:
        return pline, pcol, "a value cannot start with '!' (YAML reads it as a tag); put the whole text in quotes"
    if "unhashable key" in problem or "while constructing a mapping" in context:
        return pline, pcol, "a key must be a plain word"
    return None


_JARGON = re.compile(r'\s*in "<[^>]*>",? (?:line \d+, column \d+|position \d+)')


def _yaml_problem(src: Source, text: str, exc: yaml.YAMLError) -> Problem:
    """One plain line for a YAML error, at the place the user has to edit."""
    if isinstance(exc, yaml.reader.ReaderError):  # normally caught before parsing
        line, col = _line_and_column(text, exc.position)
        return Problem(
            Where(src.name, line, col), "the file contains a character that is not text; save it as plain UTF-8 text"
        )
    pmark = getattr(exc, "problem_mark", None)
    cmark = getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or "")
    context = str(getattr(exc, "context", None) or "")
    pline, pcol = (pmark.line + 1, pmark.column + 1) if pmark else (0, 0)
    cline, ccol = (cmark.line + 1, cmark.column + 1) if cmark else (0, 0)
    if not pmark:
        pline, pcol = cline or 1, ccol or 1
    explained = _explain(src, problem, context, pline, pcol, cline, ccol)
    if explained is not None:
        line, col, message = explained
    else:
        line, col = pline, pcol
        said = _JARGON.sub("", problem or str(exc)).replace("\n", " ").strip()
        message = f"{said}; check the indentation, and put texts with special characters in quotes"
    # Never point past the end of the file: the last line is where the user looks.
    if line > len(src.lines) or (line == len(src.lines) and not src.line(line).strip()):
        line = max(1, _previous_content_line(src, line + 1 if line <= len(src.lines) else len(src.lines) + 1))
        col = _indent(src.line(line)) + 1
    return Problem(Where(src.name, line, col), "not valid YAML: " + " ".join(message.split()))


def _split_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


_NBSP_INDENT = re.compile(r"^[ \u00a0\u202f]*[\u00a0\u202f][ \u00a0\u202f]*", re.MULTILINE)


def _plain_indentation(text: str) -> tuple[str, int | None]:
    """`text` with non-breaking spaces at the start of its lines made ordinary spaces
    (each one character for one, so every column stays where it was), and the first
    line that had them; YAML reads them as part of a key ("unknown key '   text'")."""
    first = _NBSP_INDENT.search(text)
    if first is None:
        return text, None
    line = text.count("\n", 0, first.start()) + 1
    return _NBSP_INDENT.sub(lambda m: " " * len(m.group(0)), text), line


def load_text(text: str, path: Path) -> Source:
    """Parse YAML text; `path` names it in messages and anchors relative paths."""
    text, indented = _plain_indentation(text)
    src = Source(path=path, data=None, lines=_split_lines(text))
    if indented is not None:
        src.notes.append(
            Problem(
                Where(src.name, indented, 1),
                "warning: this line was indented with non-breaking spaces, as Word and some web pages "
                "write them; they were read as ordinary spaces (save the file from a plain text editor "
                "to be sure it reads as you see it)",
            )
        )
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        raise UserError(_bad_character(src, text, bad))
    loader = _BaseLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise UserError(Problem(Where(src.name, 1, 1), "the file is empty"))
        src.data = _build(loader, src, node, text)
    except yaml.YAMLError as exc:
        raise UserError(_yaml_problem(src, text, exc)) from None
    except RecursionError:
        raise UserError(Problem(Where(src.name), "the file nests too deeply")) from None
    finally:
        loader.dispose()
    return src


def load_file(path: Path) -> Source:
    """Read and parse a YAML file with clear errors for a missing, huge, unreadable,
    binary or not-a-file path (a folder, a device, /proc/self/mem)."""
    from smartprint.load import encoding, paths

    name = display_path(path)
    if path.is_dir():
        raise UserError(f"{name}: this is a folder, not a YAML file")
    if paths.is_pseudo(path):
        raise UserError(f"{name}: this is not a plain file; name a YAML file")
    try:
        raw = paths.read_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise UserError(f"{name}: no such file") from None
    except paths.TooLarge:
        raise UserError(
            f"{name}: the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB, the most a source file may be"
        ) from None
    except paths.PathRefused:
        raise UserError(f"{name}: this is not a plain file (a device, a pipe or the like); name a YAML file") from None
    except OSError as exc:
        from smartprint.write.target import os_reason

        raise UserError(f"{name}: cannot read it ({os_reason(exc)})") from None
    try:
        decoded = encoding.decode(raw)
    except encoding.NotText as exc:
        raise UserError(f"{name}: {exc}; a material is a YAML text file (save it as UTF-8 text)") from None
    src = load_text(decoded.text, path)
    if decoded.doubt is not None:
        src.notes.append(Problem(Where(name, *decoded.doubt), f"warning: {encoding.WINDOWS_ADVICE}"))
    return src
