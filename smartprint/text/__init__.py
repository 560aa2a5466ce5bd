"""Text as it will be printed: fitting to boxes, font metrics, smartprint's own words, and the one
primitive that draws every string."""
