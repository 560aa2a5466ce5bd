"""Issue 17, messages: files as Windows, Excel and editors save them, file names that are
not UTF-8, option values and a `#colour` in a one-line mapping, each told in plain words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import page_texts, run, write
from smartprint.load import encoding

BINGO = "kind: bingo\ntitle: Påske\nprompts: [{}]\n".format(", ".join(["æble"] + [f"ord{i}" for i in range(24)]))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--seed", "1e9"], "--seed: give a whole number from 0 to 9223372036854775807 (2^63 − 1); '1e9' is not"),
        (["--seed", str(2**64)], f"--seed: give a whole number from 0 to 9223372036854775807 (2^63 − 1); {2**64} is"),
        (["--seed", "-3"], "'-3' is not"),
        (["--sheets", "abc"], "--sheets: give a whole number of sheets, 1 or more (like 30); 'abc' is not"),
        (["--sheets", "0"], "--sheets: give a whole number of sheets, 1 or more (like 30); 0 is out of range"),
    ],
)
def test_option_values_are_refused_in_plain_words(runner, tmp_path, args, said) -> None:
    src = write(tmp_path / "b.yaml", BINGO)
    result = run(runner, "build", str(src), *args, "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 2, result.output
    assert said in result.output, result.output
    assert "Input should be" not in result.output and "unable to parse" not in result.output


def test_a_seed_in_range_still_builds(runner, tmp_path) -> None:
    src = write(tmp_path / "b.yaml", BINGO)
    result = run(runner, "build", str(src), "--seed", str(2**63 - 1), "--sheets", "2", "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["klasse.csv", "klasse.txt"])
def test_an_excel_workbook_is_named_as_one_whatever_its_name(runner, tmp_path, name) -> None:
    src = write(tmp_path / "b.yaml", BINGO)
    (tmp_path / name).write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    result = run(runner, "build", str(src), "--pupils", str(tmp_path / name), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code in (1, 2), result.output
    assert "spreadsheet or office file (Excel .xlsx" in result.output, result.output
    assert not (tmp_path / "b.pdf").exists()


@pytest.mark.parametrize("name", ["klasse.xlsx", "Klasse.XLS", "klasse.ods"])
def test_a_workbook_by_its_name_gets_the_same_advice_as_a_renamed_one(runner, tmp_path, name) -> None:
    """A teacher who passes the Excel file itself is told how to save it as .csv, as
    plainly as one who renamed it (once this got a weaker hint than the renamed file)."""
    src = write(tmp_path / "b.yaml", BINGO)
    (tmp_path / name).write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    result = run(runner, "build", str(src), "--pupils", str(tmp_path / name), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert f"'{name}': this is a spreadsheet" in said and "Save as → CSV UTF-8" in said, said
    assert not (tmp_path / "b.pdf").exists()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_a_material_in_utf16_with_or_without_a_mark_builds(runner, tmp_path, codec) -> None:
    src = tmp_path / "b.yaml"
    src.write_bytes(BINGO.encode(codec))
    result = run(runner, "build", str(src), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 0, result.output
    assert "æble" in "".join(page_texts(tmp_path / "b.pdf"))


def test_a_class_list_in_utf16_without_a_mark_is_read(runner, tmp_path) -> None:
    src = write(tmp_path / "b.yaml", BINGO)
    (tmp_path / "k.txt").write_bytes("Åse\nØyvind\n".encode("utf-16-le"))
    result = run(runner, "build", str(src), "--pupils", str(tmp_path / "k.txt"), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 0, result.output
    text = "".join(page_texts(tmp_path / "b.pdf"))
    assert "Åse" in text and "Øyvind" in text


def test_a_windows_1252_material_is_read_like_a_windows_class_list(runner, tmp_path) -> None:
    """Both are read as Windows text: silently when everything came out as letters (æ, ø, å:
    a Norwegian Excel export), with the same warning at the place where something did not."""
    src = tmp_path / "b.yaml"
    src.write_bytes(BINGO.encode("cp1252"))
    (tmp_path / "k.txt").write_bytes("Åse\nPer\n".encode("cp1252"))
    result = run(runner, "build", str(src), "--pupils", str(tmp_path / "k.txt"), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    text = "".join(page_texts(tmp_path / "b.pdf"))
    assert "Påske" in text and "æble" in text and "Åse" in text

    src.write_bytes(BINGO.replace("ord3", "ord\x81").encode("latin-1"))  # a byte Windows-1252 has no letter for
    (tmp_path / "k.txt").write_bytes(b"\xc5se\nP\x81r\n")
    result = run(runner, "build", str(src), "--pupils", str(tmp_path / "k.txt"), "-o", str(tmp_path / "b.pdf"))
    warnings = [line for line in result.output.splitlines() if encoding.WINDOWS_ADVICE in line]
    assert [w.split(": warning")[0].rsplit("/", 1)[-1] for w in warnings] == ["b.yaml:3:38"], result.output
    assert "k.txt:2:2: warning: «P�r» has '�' where a letter should be" in result.output


def test_a_file_name_that_is_not_utf8_builds_and_prints_as_it_reads(tmp_path) -> None:
    """`kort\\xf8.yaml` (unpacked from an old Windows zip): no traceback; the reprint line on
    the leader's page names it as Windows-1252 reads it."""
    folder = os.fsencode(tmp_path)
    src = folder + b"/kort\xf8.yaml"
    with open(src, "wb") as f:
        f.write(BINGO.encode())
    done = subprocess.run(
        [sys.executable, "-m", "smartprint", "build", src], capture_output=True, cwd=folder, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    assert b"kort\xf8.pdf" in done.stdout + done.stderr
    assert "kortø.yaml" in page_texts(Path(os.fsdecode(folder + b"/kort\xf8.pdf")))[0]
    bad = folder + b"/feil\xf8.yaml"
    with open(bad, "wb") as f:
        f.write(b"kind: bingo\ntitle: x\nprompts: [a\n")
    done = subprocess.run([sys.executable, "-m", "smartprint", "build", bad], capture_output=True, timeout=60)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert b"feil\xf8.yaml:3:" in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("line", "col", "value"),
    [
        ("  - {name: Egenskaper, color: #2e62a8, questions: [Hva er du god på?]}", 31, '"#2e62a8"'),
        ("  - {name: Egenskaper, color: #2e62a8}", 31, '"#2e62a8"'),
    ],
)
def test_a_colour_in_a_one_line_mapping_gets_the_quote_hint(runner, tmp_path, line, col, value) -> None:
    src = write(tmp_path / "s.yaml", f"kind: board-game\ntitle: Spill\ncategories:\n{line}\n")
    result = run(runner, "validate", str(src))
    assert result.exit_code == 1
    assert f"s.yaml:4:{col}: " in result.output, result.output
    assert f"'color' and the rest of the line are lost; put the value in quotes: {value}" in result.output
    assert "did not find expected node content" not in result.output


def test_a_file_indented_with_non_breaking_spaces_reads_as_it_looks(runner, tmp_path) -> None:
    """Word (and web pages) write non-breaking spaces; at the start of a line YAML took
    them for part of the key: "unknown key '    text'". They are read as the spaces they
    look like, with a warning at the first such line."""
    src = tmp_path / "fra-word.yaml"
    src.write_text(
        "kind: cards\ntitle: Kort\ncards:\n  - title: Mot\n\u00a0\u00a0\u00a0 text: Du prøver noe nytt.\n"
        "  - title: Glede\n    text: Du smiler\u00a0til andre.\n",
        encoding="utf-8",
    )
    out = tmp_path / "k.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "fra-word.yaml:5:1: warning: this line was indented with non-breaking spaces" in result.output
    assert "Du prøver noe nytt." in " ".join(page_texts(out)[0].split())
    strict = run(runner, "build", str(src), "--strict", "-o", str(tmp_path / "s.pdf"))
    assert strict.exit_code == 1 and not (tmp_path / "s.pdf").exists()
