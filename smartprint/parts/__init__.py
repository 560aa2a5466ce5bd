"""Reusable pieces that material kinds compose; a part never imports a kind.

- `geometry`: rectangles, grids on a page, duplex mirroring, splitting a page.
- `draw`: canvas primitives (fitted text, vector QR, crop marks, symbols, writing
  lines, pictures).
- `categories`: colour and symbol per category, told apart in black and white.
- `deck`: card decks — faces, imposition with duplex or folded backs, layout keys.
- `textpages`: paginated text and tables, rules pages (subheadings, bullets).
- `tiling`: a large page over smaller overlapping sheets, with glue strips, cut
  edges and alignment marks.
- `foldables`: a die net and standing pawns to cut out and fold.
- `numbered`: what kinds with numbered variants share (distinct texts, the run).
"""
