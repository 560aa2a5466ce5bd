"""`smartprint new`: an editable copy of a built-in material, or a kind's commented
starter, written into the current folder. Light to import: no kind code is loaded."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from smartprint.kinds import KINDS
from smartprint.load import resources


class NewFileError(Exception):
    def __init__(self, message: str, status: int = 1):
        super().__init__(message)
        self.status = status


def starter_path(kind: str) -> Path | None:
    """The kind's `starter.yaml`, found beside its module without importing it (finding
    `kinds/<kind>/kind.py` imports only the kind's package, whose `__init__` runs nothing)."""
    spec = importlib.util.find_spec(KINDS[kind])
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "starter.yaml"
    return path if path.is_file() else None


def write_new(name: str, file: str | None, language: str | None = None) -> tuple[str, str]:
    """Write the copy or starter (of a built-in in `language`, --language); returns (the
    file written, what it is)."""
    if file is not None and (not Path(file).name or Path(file).name in (".", "..") or file.endswith(("/", "\\"))):
        raise NewFileError(f"'{file}': give a file name, e.g. smartprint new {name} mine.yaml", status=2)
    target = Path(file if file is not None else f"{name}.yaml")
    if target.suffix.lower() not in (".yaml", ".yml"):
        target = target.with_name(target.name + ".yaml")
    builtin = resources.builtin_path("decks", name, language)
    if language is not None and builtin is None:
        from smartprint.check.languages import LANGUAGES

        if resources.builtin_path("decks", name) is None:
            what = f"the starter for kind: {name} is in bokmål" if name in KINDS else f"{name} is none"
            raise NewFileError(
                f"--language is for a built-in material; {what}: write 'language: {language}' in your file instead", 2
            )
        have = ", ".join(resources.builtin_languages(name))
        raise NewFileError(
            f"--language {language}: the built-in {name} is written in {have}; not in {LANGUAGES[language]}", 2
        )
    if builtin is not None:
        text = builtin.read_text(encoding="utf-8")
        origin = f"a copy of the built-in {name}" + (f" in {language}" if language else "")
    elif name in KINDS and (starter := starter_path(name)) is not None:
        text = starter.read_text(encoding="utf-8").replace("{file}", target.name)
        origin = f"a starter for kind: {name}"
    else:
        from smartprint.check.validation import did_you_mean

        names = resources.builtin_names("decks") + list(KINDS)
        hint = did_you_mean(name, names) or f"; choose one of: {', '.join(names)}"
        raise NewFileError(f"{name}: no built-in material or kind of that name{hint}", status=2)
    if not target.parent.is_dir():
        raise NewFileError(f"{target}: the folder {target.parent} does not exist", status=2)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise NewFileError(
            f"{target} already exists; I never overwrite a file. Give another name: "
            f"smartprint new {name} another-name.yaml",
            status=1,
        ) from None
    except OSError as exc:
        from smartprint.write.target import os_reason

        raise NewFileError(f"{target}: {os_reason(exc)}") from None
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    return str(target), origin
