"""`smartprint list` reads only the top-level lines of the built-in files: it must say
what a full YAML reading says, for every built-in, and fall back to YAML otherwise."""

from pathlib import Path

import pytest
import yaml

from smartprint.commands.listing import SHOWN, top_values
from smartprint.load import resources

BUILTINS = sorted(
    [*resources.data_dir("decks").rglob("*.yaml"), *resources.data_dir("layouts").glob("*.yaml")],
)


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_top_lines_say_what_yaml_says(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert top_values(path) == {key: data[key] for key in SHOWN if key in data}


@pytest.mark.parametrize(
    "line, expected",
    [
        ("title: Styrkekort", "Styrkekort"),
        ("title: Styrkekort   # a comment", "Styrkekort"),
        ("title: 'Kari''s kort'", "Kari's kort"),
        ('title: "Fem på rad: 17. mai"', "Fem på rad: 17. mai"),
        ("title: Fem på rad – 17. mai", "Fem på rad – 17. mai"),
        ("title: yes", True),  # YAML's yes: the fallback reads it as YAML does
        ("title: 2024", 2024),
        ("title: 12:30", 750),  # YAML 1.1 reads this as minutes and seconds
        ('title: "tab\\tinside"', "tab\tinside"),
        ("title: >\n  folded\n  text", "folded text\n"),
        ("title: [a, b]", ["a", "b"]),
        ("title: Kort # one\ntitle: Kort # two", None),  # a key twice: YAML's answer, whatever it is
    ],
)
def test_anything_but_a_plain_value_is_read_as_yaml(tmp_path: Path, line: str, expected: object) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(f"kind: cards\n{line}\n", encoding="utf-8")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    got = top_values(path)
    assert got == {key: data[key] for key in SHOWN if key in data}
    if expected is not None:
        assert got["title"] == expected


def test_list_loads_no_yaml_parser_for_the_built_ins() -> None:
    import subprocess
    import sys

    code = "import sys; from smartprint.commands.listing import listing; list(listing()); print('yaml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
