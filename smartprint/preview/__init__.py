"""Pictures of a built PDF: its pages rendered by PDFium, and a contact sheet of them."""
