"""The page of things to fold for a school without a die or pawns: planned with the
game (every word fitted, the glyphs checked) and drawn by `parts.foldables`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.canvas import Canvas

from smartprint.errors import UserError
from smartprint.kinds.base import Job
from smartprint.kinds.boardgame.model import BoardGameSpec
from smartprint.parts.foldables.plan import Foldables, glue_word_size, plan_foldables, tab_word_size
from smartprint.parts.geometry import Rect
from smartprint.resolve.colors import INK, RGB, parse_color
from smartprint.resolve.units import MM
from smartprint.text import ink
from smartprint.text.origin import Label
from smartprint.text.textfit import Box, FitFailure, Run, fit_or_fail
from smartprint.write.document import Section

if TYPE_CHECKING:
    from smartprint.kinds.boardgame.assemble import BoardGamePlan, BoardGeometry

# Player colours, told apart by number and shape as well: a copier prints them grey.
PLAYER_COLORS = ("#c0392b", "#2e62a8", "#2e7d4f", "#b8860b", "#6c4ba6", "#1f7f86")
CAPTION = 11 * MM


@dataclass(frozen=True)
class PrintablesPlan:
    things: Foldables
    die_caption: Box
    pawn_caption: Box
    colors: tuple[RGB, ...]
    glue: str


def plan_printables(job: Job[BoardGameSpec, BoardGeometry], words: dict[str, str]) -> PrintablesPlan:
    """The die on top and one pawn per player below, on one page of the A4 paper."""
    page, fonts = job.page, job.fonts
    area = Rect(page.margin, page.margin, page.width - 2 * page.margin, page.height - 2 * page.margin)
    try:
        things = plan_foldables(area, job.spec.players, caption=CAPTION)
    except ValueError:
        raise UserError(
            page.source.problem(
                ("margin",),
                f"the die and {job.spec.players} pawns do not fit "
                f"inside the margins of '{page.name}'; use a smaller margin, or "
                "'printables: false'",
            )
        ) from None
    glue = words["glue"]
    if tab_word_size(things.die, glue, fonts.bold, fonts.measure) is None or any(
        glue_word_size(p, glue, fonts.bold, fonts.measure) is None for p in things.pawns
    ):
        raise UserError(job.src.problem(("language",), f"the word '{glue}' does not fit on the glue tabs"))
    boxes = []
    for key, rect in (("die", things.die_caption), ("pawns", things.pawn_caption)):
        try:
            fitted = fit_or_fail(
                [
                    Run(
                        words[key],
                        fonts.regular,
                        origin=Label(f"{key} instructions", job.spec.language),
                        language=job.spec.language,
                    )
                ],
                rect.w,
                rect.h - 2 * MM,
                11.0,
                page.min_text_size,
                fonts.measure,
                key,
            )
        except FitFailure:
            raise UserError(
                page.source.problem(
                    ("min_text_size",),
                    f"the instructions for the {key} do not "
                    f"fit their line on the page at {page.min_text_size:g} pt; use a "
                    "smaller min_text_size, or 'printables: false'",
                )
            ) from None
        boxes.append(Box(rect.x, rect.top - 2 * MM, fitted))
    colors = tuple(parse_color(c) for c in PLAYER_COLORS)
    return PrintablesPlan(things, boxes[0], boxes[1], colors, glue)


def _paint(plan: BoardGamePlan, blank: Any, c: Canvas, page: Any) -> None:
    from smartprint.parts.foldables.paint import paint_die, paint_pawns

    if page == blank or plan.printables is None:
        return
    p = plan.printables
    fonts = plan.job.fonts
    lang = plan.job.spec.language
    glue = Label("glue tabs", lang)
    paint_die(c, p.things.die, tab_label=p.glue, font=fonts.bold, label_origin=glue)
    numbers = Label("pawn numbers", lang)
    paint_pawns(c, p.things.pawns, p.colors, fonts.bold, glue_label=p.glue, glue_origin=glue, number_origin=numbers)
    for box in (p.die_caption, p.pawn_caption):
        ink.draw_lines(c, box.fitted, box.left, box.top, INK)


def printables_section(plan: BoardGamePlan, blank: Any) -> Section:
    """One page, and an empty back: it is cut up, so nothing is printed behind it."""
    page = plan.job.page
    return Section(page.width, page.height, [0, blank], partial(_paint, plan, blank), name="printables")
