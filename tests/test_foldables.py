"""The die net and pawns to cut and fold: the net is folded here in 3D from its
planned rectangles alone (not from the planner's own bookkeeping) to show it makes a
cube with the pips of a real die and one glue tab per seam; pawns are told apart
without colour and nothing overlaps or leaves its area."""

from __future__ import annotations

import math
from itertools import combinations
from pathlib import Path

import pytest

from smartprint.parts.foldables.plan import (
    SHAPES,
    DieNet,
    Pawn,
    pawn_texts,
    plan_die,
    plan_foldables,
    plan_pawns,
)
from smartprint.parts.geometry import Rect
from smartprint.resolve.units import MM

V3 = tuple[float, float, float]
EPS = 1e-6

A4_INSIDE = Rect(12 * MM, 12 * MM, 186 * MM, 273 * MM)
AREAS = {
    "A4 inside 12 mm": A4_INSIDE,
    "A4 inside 15 mm": Rect(15 * MM, 15 * MM, 180 * MM, 267 * MM),
    "top half of A4": Rect(12 * MM, 154.5 * MM, 186 * MM, 130.5 * MM),
    "A5": Rect(10 * MM, 10 * MM, 128 * MM, 190 * MM),
    "wide strip": Rect(0, 0, 250 * MM, 75 * MM),
    "just enough": Rect(0, 0, 80 * MM, 110 * MM),
}


# --------------------------------------------------------------------------- small 3D kit


def sub(p, q):
    return tuple(a - b for a, b in zip(p, q))


def add(p, q):
    return tuple(a + b for a, b in zip(p, q))


def dot(p, q):
    return sum(a * b for a, b in zip(p, q))


def cross(p, q):
    return (p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0])


def rotate_about(point: V3, a: V3, b: V3, angle: float) -> V3:
    """Rodrigues: `point` turned by `angle` about the line through a and b."""
    axis = sub(b, a)
    n = math.sqrt(dot(axis, axis))
    k = tuple(x / n for x in axis)
    v = sub(point, a)
    c, s = math.cos(angle), math.sin(angle)
    kv, kxv = dot(k, v), cross(k, v)
    r = tuple(v[i] * c + kxv[i] * s + k[i] * kv * (1 - c) for i in range(3))
    return add(a, r)


def flat(p) -> V3:
    return (p[0], p[1], 0.0)


def corners(r: Rect):
    return [(r.x, r.y), (r.right, r.y), (r.right, r.top), (r.x, r.top)]


def edges_of(r: Rect):
    c = corners(r)
    return [(c[i], c[(i + 1) % 4]) for i in range(4)]


def same_segment(s, t, tol=1e-3) -> bool:
    def close(p, q):
        return all(abs(a - b) < tol for a, b in zip(p, q))

    return (close(s[0], t[0]) and close(s[1], t[1])) or (close(s[0], t[1]) and close(s[1], t[0]))


def fold_net(net: DieNet):
    """Every face's corners in 3D, and a function that places a point of a face.

    The paper is z = 0 with the print facing +z. Each face is folded 90° about the
    edge it shares with a face already placed, away from the print, so the print ends
    up outside: a point of a face is turned about the face's own fold edge (given flat,
    in its parent's frame), then goes where its parent's points go, and so on to the
    first face, which stays put."""
    rects = [f.rect for f in net.faces]
    shared = []
    for i, j in combinations(range(6), 2):
        for e in edges_of(rects[i]):
            if any(same_segment(e, g) for g in edges_of(rects[j])):
                shared.append((i, j, e))
    assert len(shared) == 5, "six squares joined in a tree have five fold edges"
    chains: dict[int, list[tuple[V3, V3, float]]] = {0: []}
    while len(chains) < 6:
        grew = False
        for i, j, e in shared:
            for parent, child in ((i, j), (j, i)):
                if parent in chains and child not in chains:
                    a, b = flat(e[0]), flat(e[1])
                    centre = (rects[child].x + rects[child].w / 2, rects[child].y + rects[child].h / 2, 0.0)
                    angle = math.pi / 2 if rotate_about(centre, a, b, math.pi / 2)[2] < 0 else -math.pi / 2
                    chains[child] = [(a, b, angle)] + chains[parent]
                    grew = True
        assert grew, "the net is not connected"

    def place(face: int, p) -> V3:
        q = flat(p) if len(p) == 2 else p
        for a, b, angle in chains[face]:
            q = rotate_about(q, a, b, angle)
        return q

    return {k: [place(k, p) for p in corners(rects[k])] for k in range(6)}, place


def rounded(p: V3, e: float):
    return tuple(round(x / e * 1000) for x in p)


# --------------------------------------------------------------------------- polygons


def sat_overlap(p, q, tol=1e-3) -> bool:
    """Whether two convex polygons share area (touching along an edge does not count)."""
    for poly in (p, q):
        for i in range(len(poly)):
            (x0, y0), (x1, y1) = poly[i], poly[(i + 1) % len(poly)]
            nx, ny = y1 - y0, x0 - x1
            length = math.hypot(nx, ny)
            nx, ny = nx / length, ny / length
            a = [x * nx + y * ny for x, y in p]
            b = [x * nx + y * ny for x, y in q]
            if min(max(a), max(b)) - max(min(a), min(b)) <= tol:
                return False
    return True


def inside(area: Rect, points) -> bool:
    return all(area.x - EPS <= x <= area.right + EPS and area.y - EPS <= y <= area.top + EPS for x, y in points)


# --------------------------------------------------------------------------- the die


@pytest.mark.parametrize("name", AREAS)
def test_the_net_folds_into_a_cube_with_opposite_faces_summing_to_seven(name):
    net = plan_die(AREAS[name])
    e = net.edge
    faces3d, _ = fold_net(net)
    centres = {k: tuple(sum(c[i] for c in pts) / 4 for i in range(3)) for k, pts in faces3d.items()}
    middle = tuple(sum(c[i] for c in centres.values()) / 6 for i in range(3))
    offsets = {k: sub(c, middle) for k, c in centres.items()}
    for k, off in offsets.items():
        assert math.isclose(math.sqrt(dot(off, off)), e / 2, rel_tol=1e-6), f"face {k} is not on a cube"
    assert len({rounded(c, e) for c in centres.values()}) == 6, "two squares fold onto the same face"
    cube_corners = {rounded(p, e) for pts in faces3d.values() for p in pts}
    assert len(cube_corners) == 8
    for i, j in combinations(range(6), 2):
        if dot(offsets[i], offsets[j]) < -e * e / 8:  # opposite faces (neighbours are at right angles)
            assert net.faces[i].pips + net.faces[j].pips == 7
    assert sorted(f.pips for f in net.faces) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("name", AREAS)
def test_one_tab_on_each_of_the_seven_seams_and_only_on_free_edges(name):
    net = plan_die(AREAS[name])
    e = net.edge
    _, place = fold_net(net)
    rects = [f.rect for f in net.faces]
    free = []
    for k, r in enumerate(rects):
        for edge in edges_of(r):
            if not any(same_segment(edge, g) for j, o in enumerate(rects) if j != k for g in edges_of(o)):
                free.append((k, edge))
    assert len(free) == 14
    seams: dict[frozenset, list] = {}
    for k, edge in free:
        key = frozenset(rounded(place(k, p), e) for p in edge)
        seams.setdefault(key, []).append((k, edge))
    assert sorted(len(v) for v in seams.values()) == [2] * 7
    assert len(net.tabs) == 7
    for tab in net.tabs:
        assert any(same_segment(tab.base, edge) and k == tab.face for k, edge in free), "a tab off a free edge"
    for pair in seams.values():
        tabbed = [(k, edge) for k, edge in pair if any(same_segment(t.base, edge) for t in net.tabs)]
        assert len(tabbed) == 1, f"seam {pair} has {len(tabbed)} tabs"
        ((k, edge),) = tabbed
        other = next(p for p in pair if p != (k, edge))
        tab = next(t for t in net.tabs if same_segment(t.base, edge))
        assert tab.partner_face == other[0] and same_segment(tab.partner, other[1])


@pytest.mark.parametrize("name", AREAS)
def test_a_folded_tab_lies_flat_against_the_inside_of_its_partner_face(name):
    net = plan_die(AREAS[name])
    e = net.edge
    faces3d, place = fold_net(net)
    for tab in net.tabs:
        a, b = flat(tab.base[0]), flat(tab.base[1])
        partner = faces3d[tab.partner_face]
        origin, u, v = partner[0], sub(partner[1], partner[0]), sub(partner[3], partner[0])
        normal = cross(u, v)
        for tip in tab.polygon[1:3]:
            # the tab folds away from the print about its base, like a face, then
            # goes where the points of its face go
            turned = rotate_about(flat(tip), a, b, math.pi / 2)
            if turned[2] > 0:
                turned = rotate_about(flat(tip), a, b, -math.pi / 2)
            q = sub(place(tab.face, turned), origin)
            assert abs(dot(q, normal)) / e**3 < 1e-9, "a folded tab is not in its partner's plane"
            s, t = dot(q, u) / e**2, dot(q, v) / e**2
            assert -1e-9 <= s <= 1 + 1e-9 and -1e-9 <= t <= 1 + 1e-9, "a folded tab sticks out of the cube"


@pytest.mark.parametrize("name", AREAS)
def test_nothing_overlaps_and_everything_is_inside_the_area(name):
    area = AREAS[name]
    net = plan_die(area)
    polys = [corners(f.rect) for f in net.faces] + [list(t.polygon) for t in net.tabs]
    for p, q in combinations(polys, 2):
        assert not sat_overlap(p, q)
    points = [p for poly in polys for p in poly] + [p for s in net.cuts + net.folds for p in s]
    assert inside(area, points)
    assert area.contains(net.bounds, tolerance=EPS)
    assert inside(net.bounds, points)
    for f in net.faces:
        for x, y in f.pip_centres:
            assert f.rect.inset(f.pip_radius).contains(Rect(x, y, 0, 0), tolerance=0)
    # centred
    assert math.isclose(net.bounds.x - area.x, area.right - net.bounds.right, abs_tol=1e-6)
    assert math.isclose(net.bounds.y - area.y, area.top - net.bounds.top, abs_tol=1e-6)


@pytest.mark.parametrize("name", AREAS)
def test_cuts_close_round_the_net_and_folds_are_the_inner_edges_and_tab_bases(name):
    net = plan_die(AREAS[name])
    ends: dict[tuple, int] = {}
    for a, b in net.cuts:
        for p in (a, b):
            key = (round(p[0], 3), round(p[1], 3))
            ends[key] = ends.get(key, 0) + 1
    assert all(n == 2 for n in ends.values()), "the cut line is not one closed outline"
    assert len(net.cuts) == 14 - 7 + 3 * 7
    assert len(net.folds) == 5 + 7
    for tab in net.tabs:
        assert any(same_segment(tab.base, f) for f in net.folds)


def test_the_die_is_big_enough_for_a_child_on_a4_and_a_half_page():
    assert plan_die(A4_INSIDE).edge == pytest.approx(40 * MM)
    assert plan_die(AREAS["top half of A4"]).edge == pytest.approx(40 * MM)
    assert plan_die(A4_INSIDE, 30 * MM).edge == pytest.approx(30 * MM)
    assert plan_die(AREAS["just enough"]).edge < 40 * MM


@pytest.mark.parametrize(
    "area, edge", [(Rect(0, 0, 80 * MM, 80 * MM), None), (Rect(0, 0, 50 * MM, 300 * MM), None), (A4_INSIDE, 20 * MM)]
)
def test_too_small_a_die_is_refused(area, edge):
    with pytest.raises(ValueError, match="25 mm"):
        plan_die(area, edge)


def test_two_three_and_six_are_drawn_as_diagonals_and_columns():
    net = plan_die(A4_INSIDE)
    for f in net.faces:
        pts = f.pip_centres
        assert len(pts) == f.pips
        if f.pips in (2, 3):
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            assert len(set(map(round, xs))) == f.pips and len(set(map(round, ys))) == f.pips  # a diagonal
            (x0, y0), (x1, y1) = pts[0], pts[-1]
            for x, y in pts:
                assert abs((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) < 1e-6
        if f.pips == 6:
            xs = sorted({round(p[0], 3) for p in pts})
            assert len(xs) == 2 and all(sum(round(p[0], 3) == x for p in pts) == 3 for x in xs)


def test_one_two_three_go_counter_clockwise_round_their_corner_as_on_a_western_die():
    net = plan_die(A4_INSIDE)
    n = {f.pips: f.normal for f in net.faces}
    assert dot(cross(n[1], n[2]), n[3]) > 0


# --------------------------------------------------------------------------- pawns


def pawn_points(p: Pawn):
    pts = []
    for r in (p.outline, p.front.panel, p.back.panel, p.glue_foot, p.plain_foot, p.front.number_box, p.back.number_box):
        pts += corners(r)
    for side in (p.front, p.back):
        m = side.mark
        pts += list(m.polygon) or [
            (m.centre[0] + dx * m.radius, m.centre[1] + dy * m.radius) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
        ]
    pts += [q for s in p.folds for q in s]
    return pts


PAWN_AREAS = {
    "A4 inside": A4_INSIDE,
    "lower part of A4": Rect(12 * MM, 12 * MM, 186 * MM, 120 * MM),
    "narrow": Rect(0, 0, 60 * MM, 230 * MM),
    "half A5": Rect(0, 0, 128 * MM, 95 * MM),
}


@pytest.mark.parametrize("players", range(2, 7))
@pytest.mark.parametrize("name", PAWN_AREAS)
def test_pawns_are_told_apart_without_colour_and_stay_apart_inside_the_area(players, name):
    area = PAWN_AREAS[name]
    pawns = plan_pawns(area, players)
    assert [p.number for p in pawns] == list(range(1, players + 1))
    assert [p.color_index for p in pawns] == list(range(players))
    assert len({p.shape for p in pawns}) == players
    assert all(p.front.mark.name == p.back.mark.name == p.shape for p in pawns)
    assert pawn_texts(pawns) == [str(n) for n in range(1, players + 1)]
    for p in pawns:
        assert inside(area, pawn_points(p))
        assert inside(p.outline, pawn_points(p))
    for a, b in combinations(pawns, 2):
        assert not sat_overlap(corners(a.outline), corners(b.outline))
        gap = max(
            b.outline.x - a.outline.right,
            a.outline.x - b.outline.right,
            b.outline.y - a.outline.top,
            a.outline.y - b.outline.top,
        )
        assert gap >= 4 * MM, "no room to cut between two pawns"


@pytest.mark.parametrize("players", range(2, 7))
def test_a_pawn_folds_into_a_tent_that_stands(players):
    for p in plan_pawns(A4_INSIDE, players):
        o, g, f, b, t = p.outline, p.glue_foot, p.front.panel, p.back.panel, p.plain_foot
        # the strip from the bottom: glue foot, front, back, plain foot, edge to edge
        assert g.y == pytest.approx(o.y) and t.top == pytest.approx(o.top)
        assert f.y == pytest.approx(g.top) and b.y == pytest.approx(f.top) and t.y == pytest.approx(b.top)
        assert {r.w for r in (g, f, b, t)} == {o.w}
        assert [s[0][1] for s in p.folds] == pytest.approx([t.y, b.y, f.y])
        # two equal sides leaning on each other over a base of the glued feet
        assert f.h == pytest.approx(b.h) and g.h == pytest.approx(t.h)
        base, side = g.h, f.h
        assert 0.4 * side <= base < 2 * side  # a triangle, wide enough not to topple
        height = math.sqrt(side**2 - (base / 2) ** 2)
        assert height >= 20 * MM * p.scale
        # both sides read upright once folded: the back is turned half round
        assert p.front.upright and not p.back.upright
        fc = (f.x + f.w / 2, f.y + f.h / 2)
        bc = (b.x + b.w / 2, b.y + b.h / 2)
        for (x0, y0), (x1, y1) in zip(p.front.mark.polygon, p.back.mark.polygon):
            assert (x0 - fc[0], y0 - fc[1]) == pytest.approx((bc[0] - x1, bc[1] - y1))
        # the shape sits towards the apex fold on both sides, the number towards the feet
        assert p.front.mark.centre[1] > p.front.number_box.top - 1e-6
        assert p.back.mark.centre[1] < p.back.number_box.y + 1e-6
        for side in (p.front, p.back):
            m, box = side.mark, side.number_box
            assert side.panel.contains(box, tolerance=0)
            assert side.panel.contains(
                Rect(m.centre[0] - m.radius, m.centre[1] - m.radius, 2 * m.radius, 2 * m.radius), tolerance=1e-6
            )
            assert all(math.dist(q, m.centre) <= m.radius * (1 + 1e-9) for q in m.polygon)
            assert len(m.polygon) >= 3 or m.is_circle


def test_pawns_refuse_what_cannot_work():
    with pytest.raises(ValueError, match="2 to 6"):
        plan_pawns(A4_INSIDE, 7)
    with pytest.raises(ValueError, match="2 to 6"):
        plan_pawns(A4_INSIDE, 1)
    with pytest.raises(ValueError, match="too small"):
        plan_pawns(Rect(0, 0, 100 * MM, 40 * MM), 4)
    with pytest.raises(ValueError, match="different shapes"):
        plan_pawns(A4_INSIDE, 3, shapes=("circle", "circle", "star"))
    with pytest.raises(ValueError, match="not a pawn shape"):
        plan_pawns(A4_INSIDE, 2, shapes=("circle", "blob"))
    assert [p.shape for p in plan_pawns(A4_INSIDE, 6)] == list(SHAPES)


# --------------------------------------------------------------------------- both on a page


@pytest.mark.parametrize("players", range(2, 7))
def test_die_and_pawns_share_an_a4_page_at_full_size(players):
    plan = plan_foldables(A4_INSIDE, players, caption=7 * MM)
    assert plan.die.edge == pytest.approx(40 * MM)
    assert all(p.scale == 1.0 for p in plan.pawns)
    boxes = [plan.die.bounds, plan.die_caption, plan.pawn_caption] + [p.outline for p in plan.pawns]
    for box in boxes:
        assert A4_INSIDE.contains(box, tolerance=EPS)
    for a, b in combinations(boxes, 2):
        assert not sat_overlap(corners(a), corners(b))


def test_a_crowded_page_shrinks_the_die_first_then_refuses():
    small = Rect(0, 0, 186 * MM, 200 * MM)
    plan = plan_foldables(small, 6)
    assert 25 * MM <= plan.die.edge < 40 * MM and plan.pawns[0].scale == 1.0
    with pytest.raises(ValueError, match="page of their own"):
        plan_foldables(Rect(0, 0, 150 * MM, 120 * MM), 6)


# --------------------------------------------------------------------------- drawn


def test_paint_draws_the_words_it_is_given(tmp_path: Path):
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from conftest import page_texts
    from smartprint.parts.foldables.paint import paint_die, paint_pawns
    from smartprint.resolve.colors import PALETTE, parse_color
    from smartprint.resolve.fonts import missing_glyphs
    from smartprint.text.glyphs import GlyphLedger
    from smartprint.text.ink import attach_ledger
    from smartprint.text.origin import Label

    fonts = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont("FoldVera", str(fonts / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("FoldVeraBd", str(fonts / "VeraBd.ttf")))
    plan = plan_foldables(A4_INSIDE, 4)
    out = tmp_path / "f.pdf"
    c = Canvas(str(out), pagesize=(210 * MM, 297 * MM), initialFontName="FoldVera")
    ledger = GlyphLedger(missing_glyphs, record=True)
    attach_ledger(c, ledger)
    glue, numbers = Label("glue tabs", "en"), Label("pawn numbers", "en")
    paint_die(c, plan.die, tab_label="glue", font="FoldVera", label_origin=glue)
    pawns_colors = [parse_color(p) for p in PALETTE]
    paint_pawns(c, plan.pawns, pawns_colors, "FoldVeraBd", glue_label="glue", glue_origin=glue, number_origin=numbers)
    assert {origin for _, _, origin in ledger.seen} == {glue, numbers}  # every word drawn was checked
    c.save()
    text = page_texts(out)[0]
    assert text.count("glue") == 7 + 4
    for n in "1234":
        assert n in text
    with pytest.raises(ValueError, match="does not fit"):
        c = Canvas(str(tmp_path / "g.pdf"), initialFontName="FoldVera")
        attach_ledger(c, ledger)
        paint_die(c, plan.die, tab_label="a word far too long for a small glue tab", font="FoldVera", label_origin=glue)


def test_the_words_on_tabs_and_feet_are_checked_while_planning():
    from smartprint.parts.foldables.plan import glue_word_size, number_size, tab_word_size

    def measure(text, font, size):
        return 0.6 * size * len(text)

    plan = plan_foldables(A4_INSIDE, 3)
    assert tab_word_size(plan.die, "lim", "F", measure) == pytest.approx(11.0)
    assert tab_word_size(plan.die, "lim her, og vent til det har tørket", "F", measure) is None
    pawn = plan.pawns[0]
    assert glue_word_size(pawn, "lim", "F", measure) is not None
    assert glue_word_size(pawn, "lim denne foten under den andre", "F", measure) is None
    size = number_size(pawn.front, 1, "F", measure)
    assert size is not None and size * 0.75 <= pawn.front.number_box.h + 1e-9 and size >= 30
