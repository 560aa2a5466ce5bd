"""Regenerate the built-in fonts in smartprint/fontdata/ from their Debian packages.

    python tools/make_fontdata.py            # downloads the packages with apt-get download
    python tools/make_fontdata.py --from DIR # or uses .deb files already in DIR

The chain smartprint ships (see docs/FONTS.md):

- DejaVu Sans 2.37 (fonts-dejavu-core): Latin, Cyrillic, Greek. Cut to those scripts,
  hinting removed. Same widths as before for Latin text, so layouts do not move.
- Noto Sans Arabic 2.005 (fonts-noto-core): the Arabic script, enough for Arabic,
  Persian/Dari, Urdu, Sorani and Pashto letters. Static Regular and Bold files (their
  PostScript names differ, so reportlab keeps them apart); hinting removed, every
  OpenType layout feature kept, since the shaping needs them.

Needs fontTools (the test extra) and dpkg-deb. Prints the size of each file written.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset

HERE = Path(__file__).resolve().parent.parent / "smartprint" / "fontdata"
PACKAGES = ("fonts-dejavu-core", "fonts-noto-core")

# Basic Latin to Latin Extended-B, IPA's schwa, modifier letters, combining accents,
# Latin Extended Additional (Vietnamese), punctuation, currency, letterlike symbols,
# arrows, maths, circled numbers, shapes, dingbats, ligatures fi/fl, the replacement mark
LATIN = (
    "0020-007E,00A0-024F,0259,02B9-02DD,0300-036F,1E00-1EFF,2000-206F,20A0-20BF,2100-214F,"
    "2190-21FF,2212,2264-2265,2460-2469,25A0-26FF,2700-27BF,FB01-FB02,FFFD"
)
CYRILLIC_GREEK = "0370-03FF,0400-052F"
ARABIC = "0600-06FF,0750-077F,08A0-08FF,FB50-FDFF,FE70-FEFF,200C-200F,0020-0021,002C-002E,0030-003A,00A0,00AB,00BB"

FONTS = (
    # (output name, package file, unicode ranges, keep every layout feature)
    ("DejaVuSans.ttf", "dejavu/DejaVuSans.ttf", LATIN + "," + CYRILLIC_GREEK, False),
    ("DejaVuSans-Bold.ttf", "dejavu/DejaVuSans-Bold.ttf", LATIN + "," + CYRILLIC_GREEK, False),
    ("NotoSansArabic-Regular.ttf", "noto/NotoSansArabic-Regular.ttf", ARABIC, True),
    ("NotoSansArabic-Bold.ttf", "noto/NotoSansArabic-Bold.ttf", ARABIC, True),
)


def _unpack(debs: Path, into: Path) -> Path:
    for deb in sorted(debs.glob("*.deb")):
        if deb.name.startswith(PACKAGES):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(into)], check=True)
    return into / "usr" / "share" / "fonts" / "truetype"


def _subset(source: Path, target: Path, unicodes: str, all_features: bool) -> None:
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]  # keep the names (and with them the copyright and licence records)
    options.name_languages = ["*"]
    options.notdef_outline = True
    if all_features:
        options.layout_features = ["*"]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="debs", type=Path, help="folder holding the .deb files already")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        debs = args.debs
        if debs is None:
            debs = work / "debs"
            debs.mkdir()
            subprocess.run(["apt-get", "download", *PACKAGES], cwd=debs, check=True)
        fonts = _unpack(debs, work / "root")
        for name, source, unicodes, all_features in FONTS:
            target = HERE / name
            _subset(fonts / source, target, unicodes, all_features)
            print(f"{name}: {target.stat().st_size // 1024} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
