"""Printables to cut and fold for a board game: a die net with pips and glue tabs,
and standing pawns told apart by number and shape as well as colour.

`plan` decides the geometry (pure data, tested by folding the net in 3D); `paint`
draws it on a reportlab canvas.
"""
