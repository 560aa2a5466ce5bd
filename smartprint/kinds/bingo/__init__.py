"""`kind: bingo` — numbered bingo sheets that are guaranteed to differ, and a leader's page."""
