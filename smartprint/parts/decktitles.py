"""The card titles of a card deck, for any kind that lists them (`from: styrkekort` on a
checklist): the list is written once, in the deck, and never copied.

A deck is named as `smartprint build` names one: a file beside the material (read
inside its folder, like pictures) wins over a built-in deck of the same name, so a
teacher's own `styrkekort.yaml` is the one used. A built-in deck is taken in the
material's `language` (a nynorsk letter lists the nynorsk cards); one not written in
that language is refused rather than mixed into it. Only the titles are read; a card
without a title (the blank card) is left out, and so is a card whose title repeats.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from smartprint.errors import UserError
from smartprint.load import paths, reads, resources
from smartprint.load.source import Path_, Source, load_file


@dataclass(frozen=True)
class Title:
    text: str
    deck: Source  # the deck file, for messages about this title
    loc: Path_  # where the title stands in it


def locate_deck(src: Source, loc: Path_, name: str, allowed: Sequence[Path] = ()) -> Path:
    """The deck file `name` means, seen from the material `src`: a file in its folder first,
    then a built-in deck. A UserError at `loc` names what was tried."""
    candidates = [name] if Path(name).suffix.lower() in (".yaml", ".yml") else [f"{name}.yaml", f"{name}.yml", name]
    refused: paths.PathRefused | None = None
    for candidate in candidates:
        try:
            return paths.resolve_inside(src.path.parent, candidate, allowed, named_in=src.path.name, what="deck")
        except paths.FileMissing:
            continue
        except paths.PathRefused as exc:
            refused = refused or exc
    if refused is not None:
        raise UserError(src.problem(loc, str(refused)))
    language = _language(src)
    builtin = resources.builtin_path("decks", name, language)
    if builtin is not None:
        return builtin
    if resources.builtin_path("decks", name) is not None:
        have = ", ".join(resources.builtin_languages(name))
        raise UserError(
            src.problem(
                loc,
                f"the built-in deck '{name}' is written in {have}, not in {language} (this file's language); "
                "write the items in its language under 'items:' instead",
            )
        )
    from smartprint.check.validation import did_you_mean

    decks = [n for n in resources.builtin_names("decks") if _is_deck(resources.data_dir("decks") / f"{n}.yaml")]
    hint = did_you_mean(name, decks) or f"; built-in card decks: {', '.join(decks)}"
    raise UserError(
        src.problem(loc, f"no card deck '{name}' (no such file beside {src.path.name}, nor a built-in deck){hint}")
    )


def _language(src: Source) -> str:
    """The material's language (bokmål if it names none, or one that is refused elsewhere)."""
    from smartprint.check.languages import language_code

    raw = src.data.get("language", "nb") if isinstance(src.data, dict) else "nb"
    try:
        return language_code(raw)
    except ValueError:
        return "nb"


def _is_deck(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            return any(line.strip() == "kind: cards" for line in fh)
    except OSError:
        return False


def card_titles(src: Source, loc: Path_, name: str, allowed: Sequence[Path] = ()) -> list[Title]:
    """The titles of the cards of the deck `name`, in the deck's order."""
    path = locate_deck(src, loc, name, allowed)
    reads.note(path)
    deck = load_file(path)
    data = deck.data
    if not isinstance(data, dict) or data.get("kind") != "cards":
        kind = data.get("kind") if isinstance(data, dict) else None
        what = f"a '{kind}' file" if isinstance(kind, str) else "not a card deck"
        raise UserError(
            src.problem(loc, f"'{name}' is {what}; 'from' takes the card titles of a card deck (kind: cards)")
        )
    cards = data.get("cards")
    if not isinstance(cards, list):
        raise UserError(deck.problem(("cards",), "'cards' must be a list of cards"))
    titles: list[Title] = []
    seen: set[str] = set()
    problems = []
    for i, card in enumerate(cards):
        if not isinstance(card, dict) or card.get("title") is None:
            continue
        title = card["title"]
        if not isinstance(title, str):
            problems.append(deck.problem(("cards", i, "title"), f"card {i + 1}: 'title' must be text"))
            continue
        text = unicodedata.normalize("NFC", " ".join(title.split()))
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            titles.append(Title(text, deck, ("cards", i, "title")))
    if problems:
        raise UserError(problems)
    if not titles:
        raise UserError(src.problem(loc, f"the deck '{name}' has no cards with a title to list"))
    return titles
