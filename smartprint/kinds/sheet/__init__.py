"""`kind: sheet` — a page a pupil or a family writes and draws on (Megselvhelten, the
class-teddy letter home, a group poster), one per pupil with the name printed when a
class list is given."""
