"""Printables to cut out and fold for a board game: a die net and standing pawns.

For a school without a die or pawns. Pure data in points (origin bottom-left, as in
`parts.geometry`), no reportlab: the geometry is decided and tested here, `paint`
only draws it.

The die net is folded, not drawn from a picture: each square of the net is rolled
onto a cube face in 3D, which tells which free edges meet (the glue seams) and which
faces are opposite (their pips must sum to 7). Pawns are tents: a strip of
foot – back – front – foot that folds into a triangle standing on its glued feet.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

from smartprint.parts.geometry import Rect
from smartprint.resolve.symbols import SYMBOLS
from smartprint.resolve.units import MM
from smartprint.text.textfit import Measure

Point = tuple[float, float]
Segment = tuple[Point, Point]
Vec = tuple[int, int, int]
Cell = tuple[int, int]  # (column, row) of a square in the net, row 0 at the bottom

DIE_EDGE = 40 * MM  # big enough for a child's fingers to fold and glue
MIN_DIE_EDGE = 25 * MM  # below this the tabs are too fiddly to glue
TAB_DEPTH = 0.2  # of the edge
TAB_INSET = 1.25  # of the depth, at each end: slanted ends, tabs at a corner never touch
PIP_RADIUS = 0.085  # of the edge

# Cube nets to choose from, the classic cross first (ties go to it). Each is drawn
# upright here; its quarter turn is tried too.
NETS: tuple[frozenset[Cell], ...] = (
    frozenset({(1, 0), (1, 1), (1, 2), (1, 3), (0, 2), (2, 2)}),  # cross: 3 x 4
    frozenset({(0, 0), (1, 0), (2, 0), (2, 1), (3, 1), (4, 1)}),  # two rows of three: 5 x 2
)

_DIRS: dict[str, Cell] = {"right": (1, 0), "left": (-1, 0), "up": (0, 1), "down": (0, -1)}

# Pips in a face's own unit square; 2, 3 and 6 in the usual diagonal and columns
_LO, _HI = 0.27, 0.73
PIP_PATTERNS: dict[int, tuple[Point, ...]] = {
    1: ((0.5, 0.5),),
    2: ((_LO, _HI), (_HI, _LO)),
    3: ((_LO, _HI), (0.5, 0.5), (_HI, _LO)),
    4: ((_LO, _LO), (_LO, _HI), (_HI, _LO), (_HI, _HI)),
    5: ((_LO, _LO), (_LO, _HI), (0.5, 0.5), (_HI, _LO), (_HI, _HI)),
    6: ((_LO, _LO), (_LO, 0.5), (_LO, _HI), (_HI, _LO), (_HI, 0.5), (_HI, _HI)),
}


# ----------------------------------------------------------------------------- the die


@dataclass(frozen=True)
class Face:
    """One square of the net and the pips printed on it."""

    cell: Cell  # where it sits in the net's grid
    rect: Rect
    pips: int  # 1..6; opposite faces of the folded cube sum to 7
    pip_centres: tuple[Point, ...]
    pip_radius: float
    normal: Vec  # outward normal of the face on the folded cube (for tests and checks)


@dataclass(frozen=True)
class Tab:
    """A glue tab: a trapezoid on a free edge of one face, glued under the free edge
    of the face it meets when folded. The word on it reads along the edge, never
    upside down."""

    polygon: tuple[Point, Point, Point, Point]  # base start, tip, tip, base end
    base: Segment  # folded: the face's edge
    face: int  # index in DieNet.faces
    partner: Segment  # the free edge it is glued under
    partner_face: int
    label_at: Point  # centre of the tab
    label_angle: float  # degrees, counter-clockwise; 0 reads left to right
    label_width: float  # room for the word along the edge (the tab's short side)
    label_height: float  # room across (the tab's depth)


@dataclass(frozen=True)
class DieNet:
    """A die to cut along `cuts`, fold along `folds` (away from the print) and glue."""

    edge: float
    faces: tuple[Face, ...]  # six
    tabs: tuple[Tab, ...]  # seven: one per seam
    cuts: tuple[Segment, ...]  # solid: the outline of faces and tabs
    folds: tuple[Segment, ...]  # dashed: between faces, and where tabs meet faces
    bounds: Rect  # faces and tabs together, centred in the area


@dataclass(frozen=True)
class _Rolled:
    origin: Vec  # the 3D point of the square's local (0, 0)
    u: Vec  # 3D direction of the square's +x
    v: Vec  # 3D direction of the square's +y
    inward: Vec  # into the cube


def _add(p: Vec, q: Vec) -> Vec:
    return (p[0] + q[0], p[1] + q[1], p[2] + q[2])


def _neg(p: Vec) -> Vec:
    return (-p[0], -p[1], -p[2])


def _cross(p: Vec, q: Vec) -> Vec:
    return (p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0])


def _roll(r: _Rolled, direction: str) -> _Rolled:
    """The neighbouring square folded 90° about the shared edge, into the cube."""
    o, u, v, n = r.origin, r.u, r.v, r.inward
    if direction == "right":
        return _Rolled(_add(o, u), n, v, _neg(u))
    if direction == "left":
        return _Rolled(_add(o, n), _neg(n), v, u)
    if direction == "up":
        return _Rolled(_add(o, v), u, n, _neg(v))
    return _Rolled(_add(o, n), u, _neg(n), v)


def _corner(r: _Rolled, a: int, b: int) -> Vec:
    o, u, v = r.origin, r.u, r.v
    return (o[0] + a * u[0] + b * v[0], o[1] + a * u[1] + b * v[1], o[2] + a * u[2] + b * v[2])


def _edge_ends(cell: Cell, direction: str) -> tuple[Cell, Cell]:
    """The two ends of one side of a unit square, in grid units, counter-clockwise."""
    i, j = cell
    return {
        "right": ((i + 1, j), (i + 1, j + 1)),
        "up": ((i + 1, j + 1), (i, j + 1)),
        "left": ((i, j + 1), (i, j)),
        "down": ((i, j), (i + 1, j)),
    }[direction]


def _local_ends(direction: str) -> tuple[Cell, Cell]:
    return {"right": ((1, 0), (1, 1)), "up": ((1, 1), (0, 1)), "left": ((0, 1), (0, 0)), "down": ((0, 0), (1, 0))}[
        direction
    ]


@dataclass(frozen=True)
class _Folded:
    cells: tuple[Cell, ...]
    rolled: dict[Cell, _Rolled]
    inner: tuple[tuple[Cell, str], ...]  # fold edges, once each (right or up of a cell)
    seams: tuple[tuple[tuple[Cell, str], tuple[Cell, str]], ...]  # pairs of free edges glued together


def _fold(cells: frozenset[Cell]) -> _Folded:
    """Roll the net onto a cube from its best-connected square; refuse a shape that
    is not a cube net."""
    order = sorted(cells)
    root = max(order, key=lambda c: sum((c[0] + d[0], c[1] + d[1]) in cells for d in _DIRS.values()))
    rolled = {root: _Rolled((0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, -1))}  # cube below the paper
    queue = [root]
    while queue:
        cell = queue.pop(0)
        for name, (di, dj) in _DIRS.items():
            nb = (cell[0] + di, cell[1] + dj)
            if nb in cells and nb not in rolled:
                rolled[nb] = _roll(rolled[cell], name)
                queue.append(nb)
    if len(rolled) != 6 or len({r.inward for r in rolled.values()}) != 6:
        raise ValueError("not a cube net")
    inner = []
    free: dict[frozenset[Vec], list[tuple[Cell, str]]] = {}
    for cell in order:
        for name, (di, dj) in _DIRS.items():
            if (cell[0] + di, cell[1] + dj) in cells:
                if name in ("right", "up"):
                    inner.append((cell, name))
                continue
            a, b = _local_ends(name)
            key = frozenset({_corner(rolled[cell], *a), _corner(rolled[cell], *b)})
            free.setdefault(key, []).append((cell, name))
    if any(len(pair) != 2 for pair in free.values()):
        raise ValueError("not a cube net")
    seams = tuple((pair[0], pair[1]) for pair in free.values())
    return _Folded(tuple(order), rolled, tuple(inner), seams)


def _tab_units(cell: Cell, direction: str) -> tuple[Point, Point, Point, Point]:
    """A tab's corners in grid units (edge 1)."""
    (x0, y0), (x1, y1) = _edge_ends(cell, direction)
    dx, dy = _DIRS[direction]
    ex, ey = (x1 - x0), (y1 - y0)  # along the edge, unit length
    d, s = TAB_DEPTH, TAB_DEPTH * TAB_INSET
    return (
        (x0, y0),
        (x0 + ex * s + dx * d, y0 + ey * s + dy * d),
        (x1 - ex * s + dx * d, y1 - ey * s + dy * d),
        (x1, y1),
    )


@dataclass(frozen=True)
class _Choice:
    net: int  # index in NETS
    cells: frozenset[Cell]
    folded: _Folded
    tabbed: tuple[tuple[Cell, str], ...]  # one free edge of each seam
    lo: Point  # bounding box of faces and tabs, grid units
    hi: Point


def _choices() -> list[_Choice]:
    """Every net in both turns with every way to put one tab on each seam."""
    found = []
    for net_index, net in enumerate(NETS):
        for turned in (net, frozenset((j, -i) for i, j in net)):
            mi, mj = min(i for i, _ in turned), min(j for _, j in turned)
            cells = frozenset((i - mi, j - mj) for i, j in turned)
            folded = _fold(cells)
            for pick in product((0, 1), repeat=len(folded.seams)):
                tabbed = tuple(seam[k] for seam, k in zip(folded.seams, pick))
                xs = [float(x) for c in cells for x in (c[0], c[0] + 1)]
                ys = [float(y) for c in cells for y in (c[1], c[1] + 1)]
                for cell, name in tabbed:
                    for x, y in _tab_units(cell, name):
                        xs.append(x)
                        ys.append(y)
                found.append(_Choice(net_index, cells, folded, tabbed, (min(xs), min(ys)), (max(xs), max(ys))))
    return found


_CHOICES: list[_Choice] | None = None


def _all_choices() -> list[_Choice]:
    global _CHOICES
    if _CHOICES is None:
        _CHOICES = _choices()
    return _CHOICES


def _pip_counts(folded: _Folded) -> dict[Cell, int]:
    """1 on the best-connected square, 2 beside it, 3 where the right-hand rule puts
    it (1, 2, 3 counter-clockwise round their corner, as on a Western die); each
    opposite face gets 7 minus its partner."""
    outward = {cell: _neg(r.inward) for cell, r in folded.rolled.items()}
    root = next(c for c, r in folded.rolled.items() if r.origin == (0, 0, 0) and r.inward == (0, 0, -1))
    n1 = outward[root]
    neighbour = next(c for c in folded.cells if abs(c[0] - root[0]) + abs(c[1] - root[1]) == 1)
    n2 = outward[neighbour]
    n3 = _cross(n1, n2)
    by_normal = {n1: 1, n2: 2, n3: 3, _neg(n3): 4, _neg(n2): 5, _neg(n1): 6}
    return {cell: by_normal[n] for cell, n in outward.items()}


def die_height_needed(edge: float, width: float) -> float | None:
    """The least height in points that holds a die net of this edge within `width`
    (the cross if it fits at all), or None: for a caller sharing the page."""
    fitting = [ch for ch in _all_choices() if (ch.hi[0] - ch.lo[0]) * edge <= width + 1e-6]
    if not fitting:
        return None
    first = min(ch.net for ch in fitting)
    return min(ch.hi[1] - ch.lo[1] for ch in fitting if ch.net == first) * edge


def plan_die(area: Rect, edge: float | None = None, *, low: bool = False) -> DieNet:
    """A die net as big as `edge` (40 mm by default) or as fits `area`, centred in it.

    The net and its turn are chosen for the biggest edge; among equals the cross,
    then the smallest box, then (with `low`) the lowest one, leaving room below for
    pawns. ValueError when the edge would be below 25 mm."""
    want = DIE_EDGE if edge is None else edge
    best: tuple[tuple[float, ...], int, _Choice, float] | None = None
    for index, ch in enumerate(_all_choices()):
        w, h = ch.hi[0] - ch.lo[0], ch.hi[1] - ch.lo[1]
        fit = min(want, area.w / w, area.h / h)
        score = (-round(fit, 3), ch.net, w * h, h if low else 0.0)
        if best is None or (score, index) < (best[0], best[1]):
            best = (score, index, ch, fit)
    assert best is not None
    _, _, ch, e = best
    if e < MIN_DIE_EDGE - 1e-6:
        raise ValueError(
            f"a die net needs at least {MIN_DIE_EDGE / MM:.0f} mm squares; the room of "
            f"{area.w / MM:.0f} × {area.h / MM:.0f} mm gives {e / MM:.0f} mm"
        )
    w, h = ch.hi[0] - ch.lo[0], ch.hi[1] - ch.lo[1]
    x0 = area.x + (area.w - w * e) / 2 - ch.lo[0] * e
    y0 = area.y + (area.h - h * e) / 2 - ch.lo[1] * e

    def at(p: Point) -> Point:
        return (x0 + p[0] * e, y0 + p[1] * e)

    def seg(cell: Cell, name: str) -> Segment:
        a, b = _edge_ends(cell, name)
        return (at(a), at(b))

    counts = _pip_counts(ch.folded)
    cells = ch.folded.cells
    index_of = {cell: k for k, cell in enumerate(cells)}
    faces = []
    for cell in cells:
        rect = Rect(*at(cell), e, e)
        pattern = PIP_PATTERNS[counts[cell]]
        faces.append(
            Face(
                cell,
                rect,
                counts[cell],
                tuple((rect.x + u * e, rect.y + v * e) for u, v in pattern),
                PIP_RADIUS * e,
                _neg(ch.folded.rolled[cell].inward),
            )
        )
    partner_of = {}
    for a, b in ch.folded.seams:
        partner_of[a], partner_of[b] = b, a
    tabs = []
    cuts: list[Segment] = []
    folds = [seg(cell, name) for cell, name in ch.folded.inner]
    tabbed = set(ch.tabbed)
    for cell in cells:
        for name in _DIRS:
            if (cell, name) not in partner_of:
                continue
            if (cell, name) not in tabbed:
                cuts.append(seg(cell, name))
                continue
            p = tuple(at(q) for q in _tab_units(cell, name))
            poly = (p[0], p[1], p[2], p[3])
            folds.append((poly[0], poly[3]))
            cuts.extend([(poly[0], poly[1]), (poly[1], poly[2]), (poly[2], poly[3])])
            other = partner_of[(cell, name)]
            dx, dy = _DIRS[name]
            mid = (
                (poly[0][0] + poly[3][0]) / 2 + dx * TAB_DEPTH * e / 2,
                (poly[0][1] + poly[3][1]) / 2 + dy * TAB_DEPTH * e / 2,
            )
            angle = 0.0 if name in ("up", "down") else 90.0
            tabs.append(
                Tab(
                    poly,
                    base=(poly[0], poly[3]),
                    face=index_of[cell],
                    partner=seg(*other),
                    partner_face=index_of[other[0]],
                    label_at=mid,
                    label_angle=angle,
                    label_width=e * (1 - 2 * TAB_DEPTH * TAB_INSET),
                    label_height=TAB_DEPTH * e,
                )
            )
    bounds = Rect(x0 + ch.lo[0] * e, y0 + ch.lo[1] * e, w * e, h * e)
    assert area.contains(bounds, tolerance=1e-6)
    return DieNet(e, tuple(faces), tuple(tabs), tuple(cuts), tuple(folds), bounds)


# ----------------------------------------------------------------------------- pawns

PAWN_WIDTH = 24 * MM
PAWN_PANEL = 32 * MM  # front and back, each: the pawn stands about 30 mm tall
PAWN_FOOT = 18 * MM  # the feet overlap and are glued: the base of the triangle
PAWN_GAP = 5 * MM  # between pawns, room for the scissors
MIN_PAWN_SCALE = 0.7
SHAPES: tuple[str, ...] = ("circle", "square", "triangle", "star", "diamond", "heart")  # distinct even small


@dataclass(frozen=True)
class Mark:
    """A player's shape as geometry: a circle (`polygon` empty) or a filled polygon."""

    name: str
    centre: Point
    radius: float
    polygon: tuple[Point, ...]

    @property
    def is_circle(self) -> bool:
        return not self.polygon


@dataclass(frozen=True)
class PawnSide:
    """Front or back panel. The back is printed turned half round so that both read
    upright once the strip is folded into a tent."""

    panel: Rect
    upright: bool  # False: number and shape are drawn turned 180°
    mark: Mark
    number_box: Rect  # the player's number, centred, as large as fits


@dataclass(frozen=True)
class Pawn:
    """A strip cut along `outline` and folded along `folds` (away from the print) into a
    tent; the feet fold inward and the glue foot is glued onto the other foot."""

    number: int  # 1..players, printed on both sides
    color_index: int  # number - 1: index into the caller's colours
    shape: str
    outline: Rect  # solid cut line
    front: PawnSide
    back: PawnSide
    glue_foot: Rect  # grey, with the glue word, below the front
    plain_foot: Rect  # above the back
    folds: tuple[Segment, Segment, Segment]  # foot/back, apex (back/front), front/foot
    scale: float  # 1.0 is the full size


def _unit_shape(name: str) -> list[Point]:
    """A shape round (0, 0), about radius 1, as drawn by `parts.draw.symbol`."""
    if name == "square":
        return [(-1, -1), (1, -1), (1, 1), (-1, 1)]
    if name == "triangle":
        return [(math.cos(a), math.sin(a)) for a in (math.pi / 2, math.pi * 7 / 6, math.pi * 11 / 6)]
    if name == "diamond":
        return [(0, 1), (-0.72, 0), (0, -1), (0.72, 0)]
    if name == "hexagon":
        return [(math.cos(k * math.pi / 3), math.sin(k * math.pi / 3)) for k in range(6)]
    if name == "plus":
        t = 0.34
        return [
            (-t, -1),
            (t, -1),
            (t, -t),
            (1, -t),
            (1, t),
            (t, t),
            (t, 1),
            (-t, 1),
            (-t, t),
            (-1, t),
            (-1, -t),
            (-t, -t),
        ]
    if name == "star":
        return [
            (
                (1 if k % 2 == 0 else 0.45) * math.cos(math.pi / 2 + k * math.pi / 5),
                (1 if k % 2 == 0 else 0.45) * math.sin(math.pi / 2 + k * math.pi / 5),
            )
            for k in range(10)
        ]
    if name == "heart":  # the classic heart curve
        return [
            (16 * math.sin(t) ** 3, 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
            for t in (2 * math.pi * k / 48 for k in range(48))
        ]
    raise ValueError(f"'{name}' is not a pawn shape; use one of {', '.join(SYMBOLS)}")


def _shape_polygon(name: str, cx: float, cy: float, r: float) -> tuple[Point, ...]:
    """The shape centred on its box at (cx, cy), its farthest point `r` away (empty for
    a circle): every shape fills the same room."""
    if name == "circle":
        return ()
    pts = _unit_shape(name)
    mx = (min(x for x, _ in pts) + max(x for x, _ in pts)) / 2
    my = (min(y for _, y in pts) + max(y for _, y in pts)) / 2
    reach = max(math.hypot(x - mx, y - my) for x, y in pts)
    return tuple((cx + (x - mx) / reach * r, cy + (y - my) / reach * r) for x, y in pts)


def _turned(mark: Mark, about: Point) -> Mark:
    """The mark turned 180° about a point (the back panel's centre)."""
    ax, ay = about
    cx, cy = 2 * ax - mark.centre[0], 2 * ay - mark.centre[1]
    return Mark(mark.name, (cx, cy), mark.radius, tuple((2 * ax - x, 2 * ay - y) for x, y in mark.polygon))


def _side(panel: Rect, upright: bool, shape: str) -> PawnSide:
    """Shape in the upper part (towards the apex), number in the lower part."""
    pad = panel.w * 0.1
    split = panel.h * 0.5
    r = min(panel.w / 2 - pad, (panel.h - split) / 2 - pad * 0.5)
    cx, cy = panel.x + panel.w / 2, panel.y + split + (panel.h - split) / 2 - pad * 0.2
    mark = Mark(shape, (cx, cy), r, _shape_polygon(shape, cx, cy, r))
    number = Rect(panel.x + pad, panel.y + pad, panel.w - 2 * pad, split - pad * 1.2)
    if upright:
        return PawnSide(panel, True, mark, number)
    centre = (panel.x + panel.w / 2, panel.y + panel.h / 2)
    turned = Rect(2 * centre[0] - number.right, 2 * centre[1] - number.top, number.w, number.h)
    return PawnSide(panel, False, _turned(mark, centre), turned)


def _pawn(number: int, shape: str, x: float, y: float, scale: float) -> Pawn:
    w, panel, foot = PAWN_WIDTH * scale, PAWN_PANEL * scale, PAWN_FOOT * scale
    glue = Rect(x, y, w, foot)
    front = Rect(x, glue.top, w, panel)
    back = Rect(x, front.top, w, panel)
    plain = Rect(x, back.top, w, foot)
    outline = Rect(x, y, w, plain.top - y)
    folds = (((x, plain.y), (x + w, plain.y)), ((x, back.y), (x + w, back.y)), ((x, front.y), (x + w, front.y)))
    return Pawn(
        number,
        color_index=number - 1,
        shape=shape,
        outline=outline,
        front=_side(front, True, shape),
        back=_side(back, False, shape),
        glue_foot=glue,
        plain_foot=plain,
        folds=folds,
        scale=scale,
    )


def pawn_size(scale: float = 1.0) -> tuple[float, float]:
    """(width, height) of one pawn's strip in points."""
    return (PAWN_WIDTH * scale, (2 * PAWN_PANEL + 2 * PAWN_FOOT) * scale)


def plan_pawns(
    area: Rect, players: int, shapes: Sequence[str] = SHAPES, gap: float = PAWN_GAP, top: bool = False
) -> list[Pawn]:
    """One pawn per player, numbered 1..players with a shape each, in rows centred in
    `area` (or at its top): full size if it fits, else shrunk (never below 70 %, else
    ValueError)."""
    if not 2 <= players <= 6:
        raise ValueError(f"pawns are for 2 to 6 players, not {players}")
    if len(shapes) < players or len(set(shapes[:players])) != players:
        raise ValueError(f"pawns need {players} different shapes, got {', '.join(shapes)}")
    w1, h1 = pawn_size()
    best: tuple[float, int, int] | None = None
    for cols in range(players, 0, -1):
        rows = -(-players // cols)
        scale = min(1.0, (area.w - (cols - 1) * gap) / (cols * w1), (area.h - (rows - 1) * gap) / (rows * h1))
        if best is None or scale > best[0] + 1e-9:
            best = (scale, cols, rows)
    assert best is not None
    scale, cols, rows = best
    if scale < MIN_PAWN_SCALE:
        w, h = pawn_size(MIN_PAWN_SCALE)
        raise ValueError(
            f"{players} pawns need at least {(w + gap) / MM:.0f} mm wide and {(h + gap) / MM:.0f} mm "
            f"tall each; the room of {area.w / MM:.0f} × {area.h / MM:.0f} mm is too small"
        )
    w, h = pawn_size(scale)
    total_h = rows * h + (rows - 1) * gap
    first = area.top if top else area.y + (area.h + total_h) / 2
    pawns = []
    for k in range(players):
        row, col = divmod(k, cols)
        in_row = min(cols, players - row * cols)
        left = area.x + (area.w - (in_row * w + (in_row - 1) * gap)) / 2
        pawns.append(_pawn(k + 1, shapes[k], left + col * (w + gap), first - row * (h + gap) - h, scale))
        assert area.contains(pawns[-1].outline, tolerance=1e-6)
    return pawns


def pawn_texts(pawns: Sequence[Pawn]) -> list[str]:
    """The strings `paint_pawns` draws besides the glue word: declare them for the glyph check."""
    return [str(p.number) for p in pawns]


# ----------------------------------------------------------------------------- both on one page


@dataclass(frozen=True)
class Foldables:
    """A die net above the pawns, with a caption box (may be zero high) under each."""

    die: DieNet
    pawns: tuple[Pawn, ...]
    die_caption: Rect
    pawn_caption: Rect


def plan_foldables(
    area: Rect, players: int, caption: float = 0.0, gap: float = 6 * MM, shapes: Sequence[str] = SHAPES
) -> Foldables:
    """Die and pawns in one area (an A4 page inside its margins holds both at full
    size): the biggest die that still leaves full-size pawns room below, else the
    biggest with any pawns that fit. `caption` is the height kept under each for the
    caller's instruction line."""
    edges = [DIE_EDGE - k * MM for k in range(int((DIE_EDGE - MIN_DIE_EDGE) / MM) + 1)]
    for need_full in (True, False):
        for edge in edges:
            net_h = die_height_needed(edge, area.w)
            if net_h is None:
                continue
            die_h = net_h + caption
            if die_h + gap > area.h:
                continue
            die_room = Rect(area.x, area.top - net_h, area.w, net_h + 1e-6)
            try:
                die = plan_die(die_room, edge, low=True)
                rest = Rect(area.x, area.y + caption, area.w, area.h - die_h - gap - caption)
                pawns = plan_pawns(rest, players, shapes, top=True)
            except ValueError:
                continue
            if need_full and pawns[0].scale < 1.0 - 1e-9:
                continue
            pawn_bottom = min(p.outline.y for p in pawns)
            return Foldables(
                die,
                tuple(pawns),
                Rect(area.x, die.bounds.y - caption, area.w, caption),
                Rect(area.x, pawn_bottom - caption, area.w, caption),
            )
    raise ValueError(
        f"a die net and {players} pawns do not fit in {area.w / MM:.0f} × {area.h / MM:.0f} mm; "
        "put them on a page of their own"
    )


MIN_WORD_SIZE = 5.0  # points: below this a word on a tab is not read


def fit_size(
    text: str, font: str, width: float, height: float, measure: Measure, largest: float, smallest: float = MIN_WORD_SIZE
) -> float | None:
    """The largest font size up to `largest` at which `text` fits `width` × `height`
    (a line is about 0.75 of its size tall in capitals and digits), or None."""
    size = min(largest, height / 0.75)
    unit = measure(text, font, 1.0)
    if unit > 0:
        size = min(size, width / unit)
    return size if size >= smallest else None


def tab_word_size(net: DieNet, text: str, font: str, measure: Measure) -> float | None:
    """The size the word on the die's glue tabs is drawn at, or None if it does not fit:
    check it while planning, so a long word is a message and not a failed drawing."""
    tab = net.tabs[0]  # all tabs are alike
    return fit_size(text, font, tab.label_width * 0.9, tab.label_height * 0.6, measure, 11.0)


def glue_word_size(pawn: Pawn, text: str, font: str, measure: Measure) -> float | None:
    """The size of the word on a pawn's glue foot, or None if it does not fit."""
    g = pawn.glue_foot
    return fit_size(text, font, g.w * 0.8, g.h * 0.45, measure, 11.0)


def number_size(side: PawnSide, number: int, font: str, measure: Measure) -> float | None:
    """The size of the player's number on one side of a pawn: as large as its box holds."""
    box = side.number_box
    return fit_size(str(number), font, box.w, box.h, measure, 200.0)
