"""Writing the PDF: the document model, the one writer, the canvas, joining parts, the atomic target
and clean stops."""
