"""`kind: board-game` — a track board game with question cards, for a parents'
meeting: the board (whole on A3, or in glued A4 parts), the rules with the house
rules, one question deck per category with its own back, and a die and pawns to fold."""
