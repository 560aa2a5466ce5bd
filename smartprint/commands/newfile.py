"""`smartprint new`: an editable copy of a built-in material, or a kind's commented
starter, written into the current folder, with the JSON Schema beside it so an editor
completes and checks its keys (the `# yaml-language-server: $schema=…` first line)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path

from smartprint.kinds import KINDS
from smartprint.load import resources

SCHEMA_FILE = "smartprint-schema.json"  # written beside a new file, for editors that complete keys
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"


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
    # a copy in another language than bokmål is named for it, so that `build NAME` (which
    # prefers your own NAME.yaml) still means the bokmål built-in: klassebamse-pl.yaml
    mark = f"-{language}" if language not in (None, resources.BOKMAL) else ""
    target = Path(file if file is not None else f"{name}{mark}.yaml")
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
        text = named_after(builtin.read_text(encoding="utf-8"), name, target.name)
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
        fh.write(SCHEMA_LINE + text)
    written_in = re.search(r"^language:\s*(nb|nn|en)\b", text, re.MULTILINE)  # the schema's explanations
    write_schema(target.parent / SCHEMA_FILE, written_in.group(1) if written_in else "nb")
    return str(target), origin


def named_after(text: str, builtin: str, file: str) -> str:
    """A copy's comments name the copy: `smartprint build relasjonsspill` in a comment
    would build the built-in, not the teacher's edited file."""
    command = re.compile(
        rf"(smartprint (?:build|validate|preview)\s+){re.escape(builtin)}(?![\w.-])((?:\s+--language\s+[\w-]+)?)"
    )
    lines = text.splitlines(keepends=True)
    # `--language` picks a built-in; the copy holds its language in `language:` already
    return "".join(command.sub(rf"\g<1>{file}", line) if line.lstrip().startswith("#") else line for line in lines)


def write_schema(path: Path, language: str = "nb") -> None:
    """The JSON Schema of every kind beside the new file, its keys described in the
    file's language (refreshed: it is smartprint's own, made again each time). A file
    of that name that is not one is left alone."""
    from smartprint.check.schema import material_schema

    if path.exists() and not path.read_text(encoding="utf-8", errors="replace").lstrip().startswith('{\n  "$schema"'):
        return
    try:
        schema = material_schema(None, language)
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError:
        pass  # the editor then only lacks completion; the material itself was written
