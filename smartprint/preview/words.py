"""The words a contact sheet writes, in the material's language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PreviewWords:
    page: str  # "side 3"
    pages: str  # "12 sider"
    back: str  # under a card back
    left_out: str  # "{n} sider til" in the box for pages not shown
    left_out_one: str


WORDS: dict[str, PreviewWords] = {
    "nb": PreviewWords("side", "sider", "bakside", "… {n} sider til …", "… 1 side til …"),
    "nn": PreviewWords("side", "sider", "bakside", "… {n} sider til …", "… 1 side til …"),
    "en": PreviewWords("page", "pages", "back", "… {n} more pages …", "… 1 more page …"),
}


def preview_words(language: str) -> PreviewWords:
    return WORDS.get(language, WORDS["nb"])


def count_pages(words: PreviewWords, n: int) -> str:
    return f"{n} {words.page if n == 1 else words.pages}"
