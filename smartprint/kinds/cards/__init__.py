"""`kind: cards` — a deck of cards, fronts and a common back, imposed on sheets."""
