"""Resolving what a material names: its layout, fonts, pictures, class list, colours, symbols and
units."""
