"""The build worker: a separate process that builds one material at a time for the page,
with the CLI's own code, and answers in JSON lines.

It runs in the served folder (so messages name files as the CLI run there would), under
an address-space limit; the server kills it when a build takes too long and starts a new
one, so a build that crashes or runs away never takes the server down. Requests come on
stdin, one JSON object a line; answers go to the original stdout, one a line (anything
else printed goes to stderr)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import IO, Any

DPI = 60.0  # the preview: sharp enough on a screen, quick to render
MAX_PAGES = 12  # pages of one file shown; a long run is checked whole, but shown by its start


def limit_memory(memory_bytes: int) -> None:
    """Cap the address space, so a runaway build fails with MemoryError here instead of
    pushing the teacher's machine into swap (where the system has such a limit: not on
    Windows, where only the time limit holds)."""
    try:
        import resource
    except ImportError:
        return
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


_ABSOLUTE = re.compile(r"(?<![\w.~])/(?:[^\s/:'\"()]+/)+([^\s/:'\"()]+)")


def _in_folder_words(text: str, folder: str) -> str:
    """A message as shown on the page: paths inside the folder relative to it, and any
    path outside it cut to its last part (the page names nothing outside the folder)."""
    text = text.replace(folder + os.sep, "")
    return _ABSOLUTE.sub(r"\1", text)


def _problem(problem: Any, severity: str, folder: str) -> dict[str, Any]:
    where = problem.where
    return {
        "severity": severity,
        "file": _in_folder_words(where.file, folder) if where is not None else None,
        "line": where.line if where is not None else None,
        "column": where.column if where is not None else None,
        "text": _in_folder_words(str(problem), folder),
    }


def build(request: dict[str, Any]) -> dict[str, Any]:
    """Build `source` (a name in the current folder) into `out` and render its pages
    as PNG files into `store`, named by their content."""
    from smartprint.errors import UserError
    from smartprint.options import Options
    from smartprint.pipeline import build as build_material
    from smartprint.pipeline import default_target
    from smartprint.preview.render import render_pages
    from smartprint.serve.words import LANGUAGES
    from smartprint.text.account import say

    folder = os.getcwd()
    out, store = Path(request["out"]), Path(request["store"])
    options = Options(pupils=request["pupils"]) if request.get("pupils") else Options()
    try:
        built_from = hashlib.sha256(Path(request["source"]).read_bytes()).hexdigest()[:20]  # as folder.version
    except OSError:
        built_from = None
    try:
        target = out / default_target(request["source"], options).name
        written, built = build_material(request["source"], options, target)
    except UserError as exc:
        return {"ok": False, "version": built_from, "problems": [_problem(p, "error", folder) for p in exc.problems]}
    pages: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    for index, one in enumerate(written):
        said = {language: say(one.account, language) for language in LANGUAGES}  # the page shows its own
        files.append({"name": one.path.name, "pages": one.pages, "said": said})
        shown = range(1, min(one.pages, MAX_PAGES) + 1)
        for picture in render_pages(one.path, dpi=request.get("dpi", DPI), pages=shown):
            digest = hashlib.sha256(picture.png).hexdigest()[:24]
            png = store / f"{digest}.png"
            if not png.exists():
                png.write_bytes(picture.png)
            pages.append(
                {
                    "file": index,
                    "number": picture.number,
                    "png": digest,
                    "width": picture.width_px,
                    "height": picture.height_px,
                    "paper": picture.paper,
                }
            )
    warnings = [_problem(w, "warning", folder) for w in built.job.warnings]
    _place_on_pages(warnings, [one.path for one in written], pages)
    return {"ok": True, "version": built_from, "problems": warnings, "files": files, "pages": pages}


_QUOTED = re.compile(r"«([^»]+)»")


def _place_on_pages(warnings: list[dict[str, Any]], pdfs: list[Path], pages: list[dict[str, Any]]) -> None:
    """A warning that quotes what it is about («Mot», a card's title) is also shown on the
    first shown page whose text holds it: `page` is that page's index among `pages`."""
    quoted = [(w, m.group(1)) for w in warnings if (m := _QUOTED.search(w["text"]))]
    if not quoted:
        return
    import pypdfium2 as pdfium

    texts: list[str] = []
    for page in pages:
        document = pdfium.PdfDocument(str(pdfs[page["file"]]))
        try:
            texts.append(" ".join(document[page["number"] - 1].get_textpage().get_text_range().split()))
        finally:
            document.close()
    for warning, words in quoted:
        found = next((i for i, text in enumerate(texts) if " ".join(words.split()) in text), None)
        if found is not None:
            warning["page"] = found


def answer(request: dict[str, Any]) -> dict[str, Any]:
    """One request's answer; a failure that is not the teacher's mistake is said in words."""
    try:
        return build(request)
    except MemoryError:
        return {"ok": False, "problems": [], "failure": "memory"}
    except Exception as exc:  # a bug in smartprint: said on the page, the worker goes on
        return {"ok": False, "problems": [], "failure": "internal", "detail": type(exc).__name__}


def serve(requests: IO[str], answers: IO[str]) -> None:
    for line in requests:
        request = json.loads(line)
        reply = answer(request)
        reply["id"] = request["id"]
        answers.write(json.dumps(reply) + "\n")
        answers.flush()


def main() -> None:
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # whatever else prints goes to stderr, never into the answers
    memory = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    if memory:
        limit_memory(memory)
    import smartprint.pipeline  # noqa: F401 - warm: a kind's own code is loaded by its first build
    import smartprint.preview.render  # noqa: F401

    answers.write(json.dumps({"ready": True}) + "\n")
    answers.flush()
    serve(sys.stdin, answers)


if __name__ == "__main__":
    main()
