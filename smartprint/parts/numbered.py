"""What every kind that makes numbered variants (bingo sheets, five-in-a-row boards)
does alike: its texts must differ, and --sheets, --seed and --only decide how many
variants, which code shuffles them and which are drawn."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from smartprint.errors import Problem, UsageError
from smartprint.load.source import Source
from smartprint.options import Options


def distinct_texts(texts: Sequence[str], field: str, noun: str, src: Source) -> list[Problem]:
    """An empty text, or one that repeats another (ignoring case and spacing), named."""
    problems: list[Problem] = []
    first_seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        key = " ".join(text.split()).casefold()
        if not key:
            problems.append(src.problem((field, i), f"{noun} {i + 1} is empty"))
        elif key in first_seen:
            problems.append(
                src.problem(
                    (field, i), f"{noun} {i + 1} is the same as {noun} {first_seen[key] + 1}; every {noun} must differ"
                )
            )
        else:
            first_seen[key] = i
    return problems


@dataclass(frozen=True)
class Run:
    count: int  # variants in the whole run
    seed: int  # the code printed on each variant
    numbers: list[int]  # the variants to draw (all, or those of --only)


def numbered_run(
    options: Options, in_file: int, file_seed: int | None, default_seed: Callable[[], int], most: int, noun: str
) -> Run:
    """The run the command line and the file ask for; a count or number that cannot work
    is a command-line mistake (UsageError)."""
    count = options.sheets if options.sheets is not None else in_file
    if count > most:
        raise UsageError(f"--sheets {count}: at most {most} {noun}s in one build")
    seed = options.seed if options.seed is not None else file_seed if file_seed is not None else default_seed()
    numbers = list(range(1, count + 1))
    if options.only is not None:
        named = [n for n in options.only if isinstance(n, str)]
        if named:
            raise UsageError(
                f"--only {named[0]}: {noun}s are chosen by their number, e.g. --only 7"
                + (
                    ", or by a pupil's name when a class list gives each pupil one (--pupils FILE)"
                    if noun == "sheet"
                    else ""
                )
            )
        chosen = [n for n in options.only if isinstance(n, int)]
        beyond = [n for n in chosen if n > count]
        if beyond:
            plural = noun if count == 1 else f"{noun}s"
            raise UsageError(f"--only {beyond[0]}: this run has only {count} {plural}")
        numbers = chosen
    return Run(count, seed, numbers)
