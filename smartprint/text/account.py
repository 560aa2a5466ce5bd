"""What a built file is and how to print it, as data: the pages, what they hold ("25 cards
on 3 sheets"), its paper and sides, and what else the printer must know ("one copy per
pupil"). Each kind makes one per file it writes (`Kind.describe_file`).

The command line prints the English sentence it always printed (`line`); the local page
(`smartprint serve`) says the same facts in its own language with `say`, from the words
in the `summary` section of `smartprint/text/words/<code>.yaml` (nb, nn, en), so the page
never has to read English back into numbers. The print advice is the one the PDF itself
carries on its first page (`labels.paper_note`)."""

from __future__ import annotations

from dataclasses import dataclass

from smartprint.text.labels import paper_note, section


@dataclass(frozen=True)
class Count:
    """A number of things: `noun` is a key pair of the summary words, `<noun>_one` for one
    and `<noun>_other` for any other number ("1 kort", "25 kort"; "1 card", "25 cards")."""

    noun: str
    n: int


@dataclass(frozen=True)
class Phrase:
    """A phrase of the summary words, `key`, with its `{placeholders}` filled in: a number,
    a paper's name, a counted noun or another phrase."""

    key: str
    values: tuple[tuple[str, Value], ...] = ()


Value = int | str | Count | Phrase


def phrase(key: str, **values: Value) -> Phrase:
    """A phrase with its values by name: phrase("cards_on_sheets", cards=Count("card", 25), …)."""
    return Phrase(key, tuple(values.items()))


@dataclass(frozen=True)
class Account:
    """One file of a build: what its pages are and how to print it."""

    line: str  # the command line's summary, in English (its first line beside "wrote …")
    pages: int
    paper: str  # as a teacher names it: "A4", or a size in millimetres
    duplex: str  # "duplex-long", "duplex-short" or "none", as the PDF's own print note says
    parts: tuple[Phrase | Count, ...] = ()  # what the pages are, in order
    notes: tuple[Phrase, ...] = ()  # what else to know when printing ("one copy per pupil")
    shop: tuple[Phrase, ...] = ()  # for a print shop: what to tell it (instead of the print note)


def say(account: Account, language: str) -> list[str]:
    """The account in `language` (nb, nn or en), as lines: what the pages are, then how to
    print them (the paper and sides, as on the PDF), or what to tell a print shop."""
    words = section(language, "summary")
    pages = _text(Count("page", account.pages), words)
    first = f"{pages}: {', '.join(_text(part, words) for part in account.parts)}" if account.parts else pages
    if account.shop:
        return [first, *(_sentence(_text(line, words)) for line in account.shop)]
    how = paper_note(language, account.duplex, account.paper)
    return [_sentence(first), " · ".join([how, *(_text(note, words) for note in account.notes)])]


def _text(value: Value, words: dict[str, str]) -> str:
    if isinstance(value, Count):
        return words[f"{value.noun}_{'one' if value.n == 1 else 'other'}"].format(n=value.n)
    if isinstance(value, Phrase):
        return words[value.key].format(**{name: _text(v, words) for name, v in value.values})
    return str(value)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
