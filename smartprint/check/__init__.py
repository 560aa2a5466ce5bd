"""Checking what was read: the typed models every kind builds on and the translation of their errors
into the user's words."""
