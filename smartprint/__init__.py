"""smartprint: print-ready PDFs of SMART classroom material from short YAML files."""

__version__ = "0.1.0"
