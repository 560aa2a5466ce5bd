"""User-facing errors.

A user's mistake is never a traceback: every problem we can blame on the input
becomes a `UserError` that knows where it happened (file, line, column) and
prints as one line `file:line:col: message`. Several problems found in one pass
travel together so a teacher can fix them all before the next run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Where:
    """A place in a source file; line and column count from 1 like editors do."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    where: Where | None
    message: str

    def __str__(self) -> str:
        # one problem is one line: a value quoted from the file may hold a line break
        message = self.message.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "⏎")
        return f"{self.where}: {message}" if self.where else message


class UserError(Exception):
    """One or more problems in what the user gave us; exit status 1."""

    def __init__(self, problems: list[Problem] | Problem | str, where: Where | None = None):
        if isinstance(problems, str):
            problems = [Problem(where, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path | str) -> str:
    """Show a path the way the user most likely typed it: relative when it is below the cwd."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


class UsageError(UserError):
    """A wrong command line (a flag that cannot work with this file or layout); exit status 2."""
