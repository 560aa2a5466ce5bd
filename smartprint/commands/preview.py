"""`smartprint preview`: build the real PDF into a temporary folder, render its pages
with PDFium and write them as PNG pages and one contact sheet. The teacher's own PDF is
left as it was; what the pictures show is exactly what a build would print."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from smartprint.errors import UsageError, UserError, display_path
from smartprint.options import Options
from smartprint.pipeline import Built, default_target, paper_files, plan, prepare, render
from smartprint.preview.compose import compose_contact_sheet
from smartprint.preview.contact import FileOnSheet, PageSize, plan_contact_sheet, shown_pages
from smartprint.preview.render import PagePicture, render_pages
from smartprint.preview.words import count_pages, preview_words
from smartprint.write.target import check_target, os_reason

PAGE_PREFIX = "side-"


@dataclass(frozen=True)
class Preview:
    """What a preview wrote, for the summary."""

    contact_sheet: Path
    page_folder: Path
    pages_written: int
    pages_total: int
    files: int
    built: Built
    read: frozenset[Path]  # every file the build read (the source, layouts, class list, pictures)


def default_contact_sheet(pdf_target: Path) -> Path:
    """kort.pdf → kort.png: the contact sheet stands where the PDF would."""
    return pdf_target.with_suffix(".png")


def page_folder_for(contact_sheet: Path) -> Path:
    """kort.png → kort-sider/: the page pictures in a folder beside it."""
    return contact_sheet.with_name(f"{contact_sheet.stem}-sider")


def make_preview(
    source: str,
    options: Options,
    contact_sheet: Path,
    *,
    dpi: float = 60.0,
    pages: Sequence[int] | None = None,
) -> Preview:
    """Build `source` into a temporary folder, render the pages shown (those asked for,
    else all of a short file, else its first and last) and write the contact sheet and
    the page pictures. Raises UserError (a mistake in a file) or UsageError."""
    from smartprint.load import reads

    with reads.recording() as read:
        built = plan(prepare(source, options))
    folder = page_folder_for(contact_sheet)
    check_target(contact_sheet, read, suffix=".png")
    words = preview_words(built.job.spec.language)
    try:
        if folder.exists() and not folder.is_dir():
            raise UserError(f"{display_path(folder)}: a file is in the way of the page pictures' folder")
        with tempfile.TemporaryDirectory(prefix="smartprint-preview-") as temporary:
            # named as `build` with the same options names its PDF (styrkekort-nn.pdf, brev-4b.pdf)
            named = default_target(source, options)
            files = paper_files(built, Path(temporary) / named.name)
            on_sheet: list[FileOnSheet] = []
            pictures: dict[tuple[int, int], PagePicture] = {}
            page_files: dict[Path, bytes] = {}
            for pdf, part in files:
                render(built, str(pdf), document=part)
                sizes = [PageSize(i + 1, s.width, s.height) for i, (s, _) in enumerate(part.flat_pages())]
                numbers = shown_pages(len(sizes), pages)
                if pages is not None and not numbers:
                    continue
                for picture in render_pages(pdf, dpi=dpi, pages=numbers):
                    pictures[(len(on_sheet), picture.number)] = picture
                    prefix = f"{pdf.stem.removeprefix(named.stem).strip('-')}-" if len(files) > 1 else ""
                    page_files[folder / f"{prefix}{PAGE_PREFIX}{picture.number:03d}.png"] = picture.png
                heading = f"{pdf.name}: {count_pages(words, len(sizes))}"
                on_sheet.append(FileOnSheet(heading, sizes, part.duplex != "none", pages))
            if not on_sheet:
                total = sum(part.page_count for _, part in files)
                raise UsageError(f"--pages: none of those pages is in {built.job.name} ({total} pages)")
            sheet = plan_contact_sheet(on_sheet, _heading(built, files[0][0]))
            png = compose_contact_sheet(sheet, pictures, words)
            folder.mkdir(exist_ok=True)
            for old in folder.glob(f"*{PAGE_PREFIX}[0-9][0-9][0-9].png"):
                old.unlink()  # pages of an earlier preview that this one does not show
            for path, data in page_files.items():
                _write(path, data)
            _write(contact_sheet, png)
    except OSError as exc:
        raise UserError(f"{display_path(exc.filename or contact_sheet)}: {os_reason(exc)}") from None
    return Preview(
        contact_sheet,
        folder,
        len(page_files),
        sum(len(f.pages) for f in on_sheet),
        len(files),
        built,
        frozenset(read),
    )


def _heading(built: Built, first_pdf: Path) -> str:
    """The contact sheet's heading: the material's title as a pupil-less page shows it
    ("…" for {navn}); a title in a right-to-left script, which the picture's plain text
    drawing cannot join or order, is named by its PDF instead (the pages show it right)."""
    import unicodedata

    from smartprint.resolve.placeholders import fill

    title = " ".join(fill(built.job.spec.title, None, "…").split()) or built.job.name
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in title):
        return first_pdf.name
    return title


def _write(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a reader never sees half a picture."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
