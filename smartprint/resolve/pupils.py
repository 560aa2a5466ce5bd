"""Class lists: one personal page per pupil, with the name already printed.

A kind that makes one page per person (a fill-in sheet, a bingo sheet) takes a class
list from `pupils:` in its file — the names as a YAML list, or a class-list file beside
the material (`pupils: 4b.txt`, or `pupils: {file: 4b.csv, column: Fornavn}`) — or from
`--pupils FILE` on the command line (which wins over the file's own).

The file is what teachers have: a `.txt` with one name a line (blank lines and lines
starting with `#` are skipped), or a `.csv` exported from a spreadsheet or the school's
admin system, with a header row; the names are in the column `navn` or `name` (any
capitals), or the one `--pupils-column` names. `,`, `;` and tab separate columns
(Norwegian Excel writes `;`). UTF-8, UTF-16 with or without a BOM, and Windows-1252
(with a warning) are read, as `load/encoding.py` decides for materials too.

Every name keeps where it came from (`klasse.txt:7:1`, or `pupils` item 7 of the
material), so a letter the font lacks, a duplicate or an empty cell is named there.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field

from smartprint.check.spec import PrintedItem
from smartprint.check.validation import Model, Text
from smartprint.check.words import Words
from smartprint.errors import Problem, UsageError, UserError, Where, display_path
from smartprint.load import encoding, paths, reads
from smartprint.load.source import Path_, Source
from smartprint.options import Options
from smartprint.text.origin import Origin

MAX_PUPILS = 1000
MAX_NAME_CHARS = 80
MAX_LIST_BYTES = 1024 * 1024
NAME_COLUMNS = ("navn", "name", "namn", "fullt navn", "fullt namn", "full name")
FIRST_NAME_COLUMNS = ("fornavn", "førenamn", "fornamn", "first name", "firstname", "first_name", "given name")
SURNAME_COLUMNS = ("etternavn", "etternamn", "last name", "lastname", "last_name", "surname", "family name")
# Headers that likely hold the names, offered as the column to choose (--pupils-column)
LIKELY_NAME_COLUMNS = ("fornavn", "first name", "firstname", "elev", "elevnavn", "elevens navn", "elevar", "pupil")
MIDDLE_NAME_COLUMNS = ("mellomnavn", "mellomnamn", "middle name", "middlename", "middle_name")
LOST = ("?", "\ufffd")  # what a lossy export leaves where a letter was
SUFFIXES = (".txt", ".csv")


class PupilsFile(Model):
    """`pupils: {file: 4b.csv, column: Fornavn}`: a class-list file and its column of names
    (or two: `column: Fornavn, Etternavn`, first name first)."""

    file: Annotated[Text, Words("fil")] = Field(min_length=1)
    column: Annotated[Text | None, Words("kolonne")] = Field(default=None, min_length=1)


PUPILS_HINT = (
    "a list of names (lines starting with '- '), a class-list file beside this file "
    "(4b.txt, one name a line, or 4b.csv with a column 'navn'), or {file: 4b.csv, column: Fornavn}"
)
PupilsValue = Annotated[list[PrintedItem], Field(max_length=MAX_PUPILS)] | Text | PupilsFile
Pupils = Annotated[PupilsValue | None, Words("elever", "elevar", hint=PUPILS_HINT)]
"""The `pupils:` key of a kind's model (the same everywhere): `pupils: Pupils = None`."""


@dataclass(frozen=True)
class Pupil:
    name: str
    origin: Origin  # ("pupils", 3) in the material, or a Where in the class-list file
    first_name: str = ""  # for {fornavn}: the first-name column's, else the name's first word

    def __post_init__(self) -> None:
        if not self.first_name:
            object.__setattr__(self, "first_name", self.name.split()[0] if self.name.split() else self.name)


@dataclass
class ClassList:
    pupils: list[Pupil]
    source: str  # how messages name where the list came from ("klasse.txt", "'pupils'")
    warnings: list[Problem] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.pupils)

    def chosen(self, only: Sequence[int | str]) -> list[int]:
        """The pupils `--only` names (their places in the list, from 0), by number (1 is
        the list's first) or by name (whole, or the first name when only one pupil has
        it), in the list's order; a mistake is a UsageError."""
        from smartprint.check.suggest import did_you_mean

        everyone = self.pupils
        chosen: set[int] = set()
        for wanted in only:
            if isinstance(wanted, int):
                if wanted > len(everyone):
                    raise UsageError(f"--only {wanted}: the class list has {len(everyone)} pupils")
                chosen.add(wanted - 1)
                continue
            key = " ".join(wanted.split()).casefold()
            whole = [k for k, p in enumerate(everyone) if " ".join(p.name.split()).casefold() == key]
            first = [k for k, p in enumerate(everyone) if p.first_name.casefold() == key]
            found = whole or first
            if len(found) != 1:
                if found:
                    numbers = " or ".join(f"--only {k + 1}" for k in found)
                    whole_given = bool(whole) or len({" ".join(everyone[k].name.split()) for k in found}) == 1
                    raise UsageError(
                        f"--only {wanted}: {len(found)} pupils on the class list are called that"
                        + ("" if whole_given else "; write the whole name")
                        + f"; choose by their place on the list: {numbers}"
                    )
                hint = did_you_mean(wanted, [p.name for p in everyone]) or _plain_letters_hint(wanted, everyone)
                raise UsageError(f"--only {wanted}: no pupil of that name on the class list{hint}")
            chosen.add(found[0])
        return sorted(chosen)


_PLAIN = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def _plain_letters(text: str) -> str:
    """`text` as typed on a keyboard without æ, ø, å or accents: Øyvind → Oyvind."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).translate(_PLAIN))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _plain_letters_hint(wanted: str, everyone: Sequence[Pupil]) -> str:
    """'; did you mean …?' for a name typed without its letters (Oyvind for Øyvind), or ''."""
    key = _plain_letters(wanted)
    found = [p.name for p in everyone if key in (_plain_letters(p.name), _plain_letters(p.first_name))]
    return f"; did you mean '{found[0]}'?" if len(found) == 1 else ""


_JOINING = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe]")
_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner: part of how a Persian name is spelt


def _clean(name: str) -> str:
    """One space between words, letters composed, and no invisible characters (a zero-width
    space or soft hyphen pasted from a web page prints as nothing, or fails the font) but
    the (non-)joiners of a name in Arabic script: «علی‌رضا» without its non-joiner joins
    two letters that are written apart, and misspells the name."""
    keep = _JOINERS if _JOINING.search(name) else ""
    visible = "".join(ch for ch in name if ch in keep or unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFC", " ".join(visible.split()))


def _turned(name: str) -> str:
    """`Hansen, Ola` (surname first, as many exports write it) as `Ola Hansen`; a name
    with no comma, or with more than one, or with digits, as written."""
    if name.count(",") != 1 or any(ch.isdigit() for ch in name):
        return name
    surname, first = (part.strip() for part in name.split(","))
    return f"{first} {surname}" if surname and first else name


def _lost_letter(name: str) -> tuple[str, str] | None:
    """For a name with '?' or '�' where a letter should be (a list exported in an encoding
    without the letter): that character and the warning."""
    ch = next((c for c in name if c in LOST), None)
    if ch is None:
        return None
    return ch, (
        f"warning: «{name}» has '{ch}' where a letter should be: the export may have lost a letter; "
        "export the class list again as UTF-8 (in Excel: CSV UTF-8), or write the name right"
    )


def _duplicates(pupils: list[Pupil], where: Any) -> list[Problem]:
    """A warning for every name that stands earlier on the list too."""
    seen: dict[str, Pupil] = {}
    out: list[Problem] = []
    for pupil in pupils:
        key = pupil.name.casefold()
        first = seen.get(key)
        if first is None:
            seen[key] = pupil
            continue
        at = (
            f"line {first.origin.line}"
            if isinstance(first.origin, Where) and first.origin.line
            else f"pupil {first.origin[-1] + 1}"
            if isinstance(first.origin, tuple) and isinstance(first.origin[-1], int)
            else "earlier"
        )
        out.append(
            where(
                pupil,
                f"warning: «{pupil.name}» is on the list twice (also {at}); both get a sheet "
                "with the same name — if they are two pupils, add a letter of the surname",
            )
        )
    return out


def _from_list(src: Source, names: Sequence[str]) -> ClassList:
    problems: list[Problem] = []
    pupils: list[Pupil] = []
    lost: list[Problem] = []
    for i, raw in enumerate(names):
        name = _turned(_clean(raw))
        if not name:
            problems.append(src.problem(("pupils", i), f"pupil {i + 1} is empty; write a name or remove the line"))
        elif len(name) > MAX_NAME_CHARS:
            problems.append(
                src.problem(
                    ("pupils", i), f"pupil {i + 1} is {len(name)} characters; a name has at most {MAX_NAME_CHARS}"
                )
            )
        else:
            pupils.append(Pupil(name, ("pupils", i)))
            warned = _lost_letter(name)
            if warned is not None:
                lost.append(src.problem(("pupils", i), warned[1]))
    if problems:
        raise UserError(problems)
    if not pupils:
        raise UserError(
            src.problem(
                ("pupils",), "'pupils' has no names; write the names under it, each on a line starting with '- '"
            )
        )

    def where(p: Pupil, message: str) -> Problem:
        assert isinstance(p.origin, tuple)
        return src.problem(p.origin, message)

    return ClassList(pupils, "'pupils'", lost + _duplicates(pupils, where))


SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")


def read_class_list(
    path: Path, column: str | None, blame: Any, named_on_command_line: bool, column_flag: bool = False
) -> ClassList:
    """The names of a class-list file. `blame(message)` makes the error for a problem with
    the file as a whole (where it was named); problems inside it are placed in it.
    `column_flag`: the column was chosen with --pupils-column (else in the material)."""
    shown = display_path(path)
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:  # the same advice as for a spreadsheet renamed .csv
        raise blame(
            f"'{path.name}': this is a spreadsheet (Excel, LibreOffice, Numbers), not a text file; save the "
            "class list as .csv with a column 'navn' (in Excel: Save as → CSV UTF-8), or as a .txt file "
            "with one name a line"
        )
    if suffix not in SUFFIXES:
        raise blame(
            f"'{path.name}' is not a class list smartprint can read; use a .txt file with one name "
            "a line, or a .csv file with a column 'navn'"
        )
    if column is not None and suffix != ".csv" and not column_flag:
        raise blame(f"'column' is only for a .csv class list; '{path.name}' has one name a line")
    if column is not None and suffix != ".csv":
        raise UsageError(
            f"--pupils-column {column}: only a .csv class list has columns; '{path.name}' has one "
            "name a line, so leave --pupils-column out"
        )
    reads.note(path)
    try:
        data = paths.read_bounded(path, MAX_LIST_BYTES)
    except paths.TooLarge:
        raise blame(
            f"'{path.name}' is more than {MAX_LIST_BYTES // 1024} kB; a class list is far smaller — "
            "is it the right file?"
        ) from None
    except paths.PathRefused as exc:
        raise blame(str(exc)) from None
    try:
        decoded = encoding.decode(data)
    except encoding.NotText as exc:
        raise blame(f"'{path.name}': {exc}; save the class list as .csv (in Excel: Save as → CSV UTF-8)") from None
    text = decoded.text
    if "\x00" in text:
        raise blame(f"'{path.name}' is not a text file; save the class list as .txt (one name a line) or .csv")
    headed: list[Problem] = []  # a heading or title line above the names, left out
    if suffix == ".csv":
        pupils = _read_csv(text, path, shown, _columns(column, blame, column_flag), named_on_command_line, headed)
    else:
        pupils = _read_txt(text, shown, headed)
    if not pupils:
        raise UserError(
            Problem(
                Where(shown, 1, 1),
                "the class list has no names; write one name a line"
                if suffix == ".txt"
                else "the class list has no names under its header",
            )
        )
    if len(pupils) > MAX_PUPILS:  # told at the first name too many
        first_over = pupils[MAX_PUPILS].origin
        raise UserError(
            Problem(
                first_over if isinstance(first_over, Where) else Where(shown, 1, 1),
                f"the class list has {len(pupils)} names; at most {MAX_PUPILS} in one build (split it into classes)",
            )
        )

    def where(p: Pupil, message: str) -> Problem:
        assert isinstance(p.origin, Where)
        return Problem(p.origin, message)

    lost = headed + [warning for warning in (_lost_at(p, text) for p in pupils) if warning is not None]
    if decoded.doubt is not None and not any(w.where and w.where.line == decoded.doubt[0] for w in lost):  # said once
        lost.insert(0, Problem(Where(shown, *decoded.doubt), f"warning: {encoding.WINDOWS_ADVICE}"))
    return ClassList(pupils, shown, lost + _duplicates(pupils, where))


def _lost_at(pupil: Pupil, text: str) -> Problem | None:
    """The warning for a name that lost a letter, at that character in its line of the file."""
    warned = _lost_letter(pupil.name)
    origin = pupil.origin
    if warned is None or not isinstance(origin, Where) or origin.line is None:
        return None
    lines = text.splitlines()
    line = lines[origin.line - 1] if 0 < origin.line <= len(lines) else ""
    column = line.find(warned[0]) + 1 or origin.column
    return Problem(Where(origin.file, origin.line, column), warned[1])


def _check_name(name: str, at: Where, problems: list[Problem]) -> bool:
    if len(name) > MAX_NAME_CHARS:
        problems.append(
            Problem(
                at, f"a name of {len(name)} characters; a name has at most {MAX_NAME_CHARS} (is this a class list?)"
            )
        )
        return False
    return True


_TXT_HEADINGS = {
    *NAME_COLUMNS,
    *FIRST_NAME_COLUMNS,
    *("elev", "elever", "elevnavn", "elevar", "elevliste", "klasse", "klasseliste", "navneliste", "namneliste"),
    *("pupil", "pupils", "class", "class list", "names"),
}
# A number or bullet in front of a name, as Word writes a list saved as text ("1. Ada",
# "2)\tEmil", "• Sofie", "- Nora"): not part of the name.
_LIST_MARK = re.compile(r"\s*(?:\d{1,3}\s*[.)][ \t\u00a0]*|\d{1,3}[ \t\u00a0]+|[-–—•·*▪●◦‣○][ \t\u00a0]+)(?=[^\W\d])")
_DIGIT = re.compile(r"\d")


def _read_txt(text: str, shown: str, notes: list[Problem]) -> list[Pupil]:
    """One name a line. A first line that is a heading ("Navn", "Elever") is not a pupil:
    it is left out, and `notes` gets a warning saying so (a letter to "Navn" must not go home)."""
    pupils: list[Pupil] = []
    problems: list[Problem] = []
    marked: list[int] = []  # lines whose list number or bullet was left out
    first = True  # only the first line with text may be a heading
    for number, line in enumerate(text.splitlines(), 1):
        mark = _LIST_MARK.match(line)
        if mark is not None:
            marked.append(number)
            line = " " * mark.end() + line[mark.end() :]  # the name keeps its column
        name = _clean(line)
        if not name or name.startswith("#"):
            continue
        heading = name.rstrip(":").casefold() in _TXT_HEADINGS or _DIGIT.search(name) is not None
        was_first, first = first, False
        if was_first and heading:
            notes.append(
                Problem(
                    Where(shown, number, 1),
                    f"warning: «{name}» looks like a heading, not a pupil, so it was left out; "
                    "a .txt class list has one name a line and no heading",
                )
            )
            continue
        at = Where(shown, number, len(line) - len(line.lstrip()) + 1)
        inner = line.strip(" \t\u00a0")  # a name indented with a tab is still one name
        sep = next((ch for ch in ("\t", ";") if ch in inner), None)
        if sep is not None:
            what = "a tab" if sep == "\t" else "a ';'"
            problems.append(
                Problem(
                    Where(shown, number, line.index(sep, len(line) - len(line.lstrip(" \t\u00a0"))) + 1),
                    f"this line has {what} between its words, like a row copied from a spreadsheet; "
                    "save the list from the spreadsheet as CSV (.csv) and give that file, or "
                    "write one name a line",
                )
            )
            continue
        digit = _DIGIT.search(line)
        if digit is not None:  # a name has no digits: a class, a year, a note pasted with it
            problems.append(
                Problem(
                    Where(shown, number, digit.start() + 1),
                    f"«{name}» has a number in it, and a name has none; write the pupil's name alone "
                    "on the line (a heading, a class or a year on its own line goes first, or not at all)",
                )
            )
            continue
        name = _turned(name)
        if _check_name(name, at, problems):
            pupils.append(Pupil(name, at))
    if problems:
        raise UserError(problems)
    if marked:
        lines = ", ".join(str(n) for n in marked[:3]) + (" …" if len(marked) > 3 else "")
        notes.append(
            Problem(
                Where(shown, marked[0], 1),
                f"warning: the numbers or bullets in front of the names ({'line' if len(marked) == 1 else 'lines'} "
                f"{lines}) were left out, "
                "as a list copied from Word has them; the sheets show the names alone",
            )
        )
    return pupils


def _columns(column: str | None, blame: Any, flag: bool) -> tuple[str, ...] | None:
    """The column or two columns (first name, surname) a list was told to read:
    `Fornavn` or `Fornavn,Etternavn`."""
    if column is None:
        return None
    names = tuple(" ".join(c.split()) for c in column.split(","))
    if len(names) > 2 or not all(names):
        message = (
            f"'{column}' is not one column or two; name the column of names (Navn), or the first-name "
            "column and the surname column with a comma between (Fornavn,Etternavn)"
        )
        raise UsageError(f"--pupils-column {column}: {message}") if flag else blame(message)
    return names


def _unquoted(line: str, delimiter: str) -> list[int]:
    """Where each cell of a CSV line starts (0-based), delimiters inside quotes not counted."""
    starts, quoted = [0], False
    for k, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            starts.append(k + 1)
    return starts


def _delimiter(header: str) -> str | None:
    """The header's separator (the most frequent outside quotes); None: one column."""
    counts = {d: len(_unquoted(header, d)) - 1 for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def _cell_column(line: str, delimiter: str, index: int, cell: str) -> int:
    """The column (from 1) where the text of cell `index` stands in its line."""
    starts = _unquoted(line, delimiter)
    if index >= len(starts):
        return 1
    start = starts[index]
    text = cell.strip()
    found = line.find(text, start) if text else -1
    return (found if found >= 0 else start) + 1


def _header_at(heads: list[str], wanted: tuple[str, ...]) -> int | None:
    return next((heads.index(w) for w in wanted if w in heads), None)


def _header_line(lines: list[str], columns: tuple[str, ...] | None) -> int | None:
    """The index of the header row: the first line with text, or a later one among the
    first few when the lines above are a title ("Klasseliste 4B"), a row of empty cells
    or Excel's `sep=;`, and the later one names the columns; None: no line has text."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for i in filled[:6]:
        cells = next(csv.reader([lines[i]], delimiter=_delimiter(lines[i]) or ","), [])
        heads = {" ".join(c.split()).casefold() for c in cells}
        if columns is not None:
            if all(c.casefold() in heads for c in columns):
                return i
        elif heads & {*NAME_COLUMNS, *LIKELY_NAME_COLUMNS} or (
            heads & set(FIRST_NAME_COLUMNS) and heads & set(SURNAME_COLUMNS)
        ):
            return i
    return filled[0] if filled else None


def _read_csv(
    text: str, path: Path, shown: str, columns: tuple[str, ...] | None, cli: bool, notes: list[Problem]
) -> list[Pupil]:
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return []
    header_at = _header_line(lines, columns)
    if header_at is not None and header_at != first:
        said = (
            "lines above the header row ({}) hold" if header_at - first > 1 else "line above the header row ({}) holds"
        )
        notes.append(
            Problem(
                Where(shown, first + 1, 1),
                f"warning: the {said.format(f'line {header_at + 1}')} no names and "
                f"{'were' if header_at - first > 1 else 'was'} left out",
            )
        )
        first = header_at
    found = _delimiter(lines[first])
    # one column: a comma in a row is part of the name ("Hansen, Ola"), ';' and tab are not
    delimiter = found or ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise UserError(
            Problem(Where(shown, reader.line_num or 1, 1), f"cannot read the CSV file here ({exc})")
        ) from None
    rows = [(n, r) for n, r in rows if n > first and any(cell.strip() for cell in r)]
    header_line, header = rows[0]
    heads = [" ".join(h.split()).casefold() for h in header]
    first_at = _header_at(heads, FIRST_NAME_COLUMNS)
    if columns is not None:
        at: list[int | None] = [_header_at(heads, (c.casefold(),)) for c in columns]
    else:
        whole = _header_at(heads, NAME_COLUMNS)
        surname_at = _header_at(heads, SURNAME_COLUMNS)
        middle_at = _header_at(heads, MIDDLE_NAME_COLUMNS)  # Ada Marie Berg, not Ada Berg
        at = (
            [whole]
            if whole is not None or first_at is None or surname_at is None
            else [first_at, *([middle_at] if middle_at is not None else []), surname_at]
        )
    missing = next((k for k, a in enumerate(at) if a is None), None)
    if missing is not None:
        shown_heads = ", ".join(f"'{' '.join(h.split())}'" for h in header if h.strip()) or "none"
        asked = f"'{columns[missing]}'" if columns is not None else "'navn' or 'name'"
        also = "" if columns is not None else ", nor the two 'fornavn' and 'etternavn'"
        guess = next(
            (h for h in header if " ".join(h.split()).casefold() in LIKELY_NAME_COLUMNS),
            None,
        )
        todo = (
            f"; choose one with --pupils-column {guess if guess else 'NAME'}"
            if cli
            else f"; name it: pupils: {{file: {path.name}, column: {guess if guess else '…'}}}"
        )
        raise UserError(
            Problem(
                Where(shown, header_line, 1),
                f"the class list has no column {asked}{also} (its columns: {shown_heads}){todo}",
            )
        )
    cols = [a for a in at if a is not None]
    if len(cols) >= 2:
        first_at = cols[0]  # columns named or found: the first name first, the surname last
    pupils: list[Pupil] = []
    problems: list[Problem] = []
    for number, row in rows[1:]:
        raw_line = lines[number - 1] if 0 < number <= len(lines) else ""
        if found is None:  # one column: ';' or a tab starts a second cell, so does a second comma
            sep = next((d for d in (";", "\t") if len(_unquoted(raw_line, d)) > 1), ",")
            extra = 2 if sep == "," else 1  # the first cell too many
            cells = next(csv.reader([raw_line], delimiter=sep), [])
            if len(cells) > extra:
                column = _cell_column(raw_line, sep, extra, cells[extra])
                problems.append(_too_many(shown, number, column, len(cells), 1, sep))
                continue
        if found is not None and len(row) > len(header) and any(c.strip() for c in row[len(header) :]):
            extra = next(k for k in range(len(header), len(row)) if row[k].strip())
            column = _cell_column(raw_line, delimiter, extra, row[extra])
            problems.append(_too_many(shown, number, column, len(row), len(header), delimiter))
            continue
        if found is None:
            row = [", ".join(c.strip() for c in row)]  # "Hansen, Ola" without quotes: one name
        cells = [_clean(row[a]) if a < len(row) else "" for a in cols]
        name = _turned(" ".join(c for c in cells if c))
        shown_at = next((a for a, c in zip(cols, cells) if c), cols[0])
        if found is None:
            column = len(raw_line) - len(raw_line.lstrip(' "')) + 1
        else:
            column = _cell_column(raw_line, delimiter, shown_at, row[shown_at] if shown_at < len(row) else "")
        where = Where(shown, number, column)
        if not name:
            heads_named = " and ".join(f"'{' '.join(header[a].split())}'" for a in cols)
            problems.append(
                Problem(
                    where,
                    f"no name in the column{'s' if len(cols) > 1 else ''} {heads_named} on this line; "
                    "write the name, or remove the line",
                )
            )
            continue
        given = _clean(row[first_at]) if first_at is not None and first_at < len(row) else ""
        if _check_name(name, where, problems):
            pupils.append(Pupil(name, where, given))
    if problems:
        raise UserError(problems)
    return pupils


def _too_many(shown: str, line: int, column: int, cells: int, heads: int, delimiter: str) -> Problem:
    sep = {"\t": "tab", ";": "';'"}.get(delimiter, "','")
    hint = (
        'put a name that holds a comma in quotes ("Hansen, Ola") or write it without the comma'
        if delimiter == ","
        else f"remove the extra {sep}, or save the class list from the spreadsheet again"
    )
    return Problem(
        Where(shown, line, column),
        f"this line has {cells} cells, but the header has {heads}; {hint}",
    )


def class_list(src: Source, value: Any, options: Options, loc: Path_ = ("pupils",)) -> ClassList | None:
    """The class list of a build: `--pupils FILE` if given, else the file's `pupils:`; None
    when there is none. Raises UserError (a mistake in a file) or UsageError (the command line)."""
    column = options.pupils_column
    arg = options.pupils
    if arg is not None:
        path = Path(arg)
        try:
            if not path.exists():
                other = paths.find_case_insensitive(path)
                hint = f"; there is '{other.name}' — the capital letters differ" if other is not None else ""
                raise UsageError(f"--pupils {arg}: no such file{hint}")
            if not path.is_file() or paths.is_pseudo(path):
                raise UsageError(f"--pupils {arg}: not a plain file; name a .txt or .csv class list")
        except OSError as exc:
            raise UsageError(f"--pupils {arg[:60]}: cannot be used ({exc.strerror or exc})") from None

        def blame_cli(message: str) -> UserError:
            return UsageError(f"--pupils {arg}: {message}")

        return read_class_list(path, column, blame_cli, True, column is not None)
    if value is None:
        if column is not None:
            raise UsageError(
                f"--pupils-column {column}: there is no class list to take the column from; "
                "give one with --pupils FILE or 'pupils:' in the file"
            )
        return None
    if isinstance(value, list):
        if column is not None:
            raise UsageError(
                f"--pupils-column {column}: the names are written in the file ('pupils:'), which "
                "has no columns; leave --pupils-column out"
            )
        return _from_list(src, value)
    if isinstance(value, PupilsFile):
        name, where = value.file, loc + ("file",)
        flag = column is not None
        column = column or value.column
    else:
        name, where, flag = str(value), loc, column is not None

    def blame(message: str) -> UserError:
        return UserError(src.problem(where, message))

    try:
        path = paths.resolve_inside(src.path.parent, name, options.allow, named_in=src.path.name, what="class list")
    except paths.PathRefused as exc:
        raise blame(str(exc)) from None
    return read_class_list(path, column, blame, False, flag)
