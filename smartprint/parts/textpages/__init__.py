"""Paginated text and tables (leader's pages, rules pages): `plan` is pure, `paint` draws."""
