"""`kind: five-in-a-row` — boards of squares holding strengths; a group takes a square by
talking about it, five in a row wins. With markers to cut out and question cards."""
