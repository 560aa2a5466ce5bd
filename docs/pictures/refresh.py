"""Refresh the README's pictures: the first page of one built-in of each kind, made by
`smartprint preview` (the real PDF, rendered), kept small (low resolution, few colours).

Run from the repository's folder after a change that shows on paper:

    .venv/bin/python docs/pictures/refresh.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
SHOWN = {  # picture name: (built-in, options)
    "kort": ("styrkekort", []),
    "bingo": ("paaskebingo", []),
    "fem-paa-rad": ("fem-paa-rad", []),
    "spillbrett": ("relasjonsspill", []),
    "ark": ("megselvhelten", []),
}
DPI = "34"
COLOURS = 48


def main() -> None:
    smartprint = Path(sys.executable).parent / "smartprint"
    with tempfile.TemporaryDirectory() as work:
        for picture, (builtin, options) in SHOWN.items():
            sheet = Path(work) / f"{picture}.png"
            command = [str(smartprint), "preview", builtin, "--pages", "1", "--dpi", DPI, "-o", str(sheet), *options]
            subprocess.run(command, check=True, capture_output=True)
            first = sorted((Path(work) / f"{picture}-sider").glob("*side-001.png"))[0]  # a3-side-001: the board
            image = Image.open(first).convert("RGB").quantize(COLOURS)
            image.save(HERE / f"{picture}.png", optimize=True)
            print(f"{picture}.png: {(HERE / f'{picture}.png').stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
