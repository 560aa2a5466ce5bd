"""`validate` makes every check `build` makes, without drawing: each mistake in a file
that the bad-input corpus shows for `build` is reported by `validate` too."""

from __future__ import annotations

import pytest

from conftest import run
from test_bad_inputs import CASES, Case, prepare

FILE_MISTAKES = [c for c in CASES if c.exit == 1 and not c.args and c.sources is None and c.out is None]


def test_there_are_many_file_mistakes_to_compare():
    assert len(FILE_MISTAKES) >= 80


@pytest.mark.parametrize("case", FILE_MISTAKES, ids=[c.name for c in FILE_MISTAKES])
def test_validate_reports_what_build_reports(runner, case: Case, tmp_path, monkeypatch):
    folder = prepare(case, tmp_path)
    monkeypatch.chdir(folder)
    result = run(runner, "validate", case.material)
    assert result.exit_code == 1, result.output
    for fragment in case.expect:
        assert fragment in result.output, (fragment, result.output)
    assert not (folder / "out.pdf").exists()
