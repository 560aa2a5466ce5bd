"""Card decks as a part: faces, imposition with duplex or folded backs, layout keys.

Any kind that prints cards composes these: its model lists `Card`s and a `Back`,
its layout keys extend `DeckKeys`, its plan calls `plan_deck`, its document adds
`deck_section` (from `paint`, which imports reportlab) and `define_forms` to setup."""
