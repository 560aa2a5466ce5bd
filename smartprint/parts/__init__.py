"""Reusable pieces that material kinds compose; a part never imports a kind.

- `geometry`: rectangles, grids on a page, duplex mirroring, splitting a page.
- `draw`: canvas primitives (fitted text, vector QR, crop marks, symbols, writing
  lines, pictures).
- `categories`: colour and symbol per category, told apart in black and white.
- `deck`: card decks — faces, imposition with duplex or folded backs, layout keys.
- `textpages`: paginated text and tables, rules pages.
"""
