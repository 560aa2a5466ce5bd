"""What a teacher may write for a key, and how messages speak of it, declared beside
the field in its model:

    image: Annotated[Text | None, Words("bilde", "bilete")] = None
    specials: Annotated[list[Special], Words("spesielle", item="special square")] = …
    age: Annotated[int | None, Words("alder", hint="the writers' age in years …")] = …

- the Norwegian words (any capitals) a teacher writes for the key: `bilde:` is told
  "did you mean 'image'? (keys are written in English)";
- `item`: how one item of a list is named in messages ("special square 3", "needs at
  least one special square"); by default the key's singular ('categories': category);
- `hint`: advice added to a message about a wrong value, for a mistake the type alone
  cannot explain (a class list given to `names`).

Pydantic keeps such markers in the field's public `FieldInfo.metadata`; they change
nothing in validation. `smartprint.check.messages` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic.fields import FieldInfo


@dataclass(frozen=True, init=False)
class Words:
    norwegian: tuple[str, ...]
    item: str | None
    hint: str | None

    def __init__(self, *norwegian: str, item: str | None = None, hint: str | None = None) -> None:
        object.__setattr__(self, "norwegian", tuple(word.lower() for word in norwegian))
        object.__setattr__(self, "item", item)
        object.__setattr__(self, "hint", hint)


NO_WORDS = Words()


def merged(found: list[Words]) -> Words:
    """Several declarations as one: every word, and the last item noun and hint given."""
    if not found:
        return NO_WORDS
    if len(found) == 1:
        return found[0]
    norwegian = tuple(dict.fromkeys(word for words in found for word in words.norwegian))
    item = next((words.item for words in reversed(found) if words.item), None)
    hint = next((words.hint for words in reversed(found) if words.hint), None)
    return Words(*norwegian, item=item, hint=hint)


def words_of(info: FieldInfo | None) -> Words:
    """The words declared on a field (all its `Words` markers together)."""
    return merged([extra for extra in info.metadata if isinstance(extra, Words)] if info is not None else [])
