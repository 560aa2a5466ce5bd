"""Commands beside build: what `smartprint new` and friends do, each light to import."""
