"""Sheet block types are modules found through one registry: a block type written in
the tests joins with one registration line and builds through the whole pipeline."""

from __future__ import annotations

import sys

import pytest

from conftest import page_texts, run, write
from smartprint.kinds.sheet import blocks

SHEET_MODULES = ("smartprint.kinds.sheet.model", "smartprint.kinds.sheet.kind", "smartprint.kinds.sheet.assemble")


@pytest.fixture
def signature_block(monkeypatch):
    monkeypatch.setitem(blocks.BLOCKS, "signature", "signature_block")  # the one line of registration
    for name in SHEET_MODULES:  # the models are built from the registry when first imported
        if name in sys.modules:
            monkeypatch.delitem(sys.modules, name)


def test_a_block_type_from_the_tests_builds(signature_block, runner, tmp_path):
    src = write(
        tmp_path / "lapp.yaml",
        """
        kind: sheet
        title: Lapp hjem
        blocks:
          - text: Vi drar på tur til skogen fredag.
          - signature: Foresattes underskrift
          - signature: {label: Elevens underskrift, span: 2}
        """,
    )
    out = tmp_path / "lapp.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = page_texts(out)[0]
    assert "Foresattes underskrift" in text and "Elevens underskrift" in text


def test_its_keys_are_checked_and_told_like_the_others(signature_block, runner, tmp_path):
    src = write(
        tmp_path / "lapp.yaml",
        """
        kind: sheet
        title: Lapp hjem
        blocks:
          - signature: {label: Underskrift, farge: rød}
          - signature:
        """,
    )
    result = run(runner, "validate", str(src))
    assert result.exit_code == 1
    assert "lapp.yaml:4:" in result.output and "farge" in result.output
    assert "lapp.yaml:5:" in result.output and "'signature' is empty; write its label" in result.output


def test_an_unknown_block_lists_the_registered_ones(runner, tmp_path):
    src = write(
        tmp_path / "ark.yaml",
        """
        kind: sheet
        title: Ark
        blocks:
          - {}
        """,
    )
    result = run(runner, "validate", str(src))
    assert result.exit_code == 1
    assert ", ".join([*blocks.BLOCKS, "new_page"]) in result.output


def test_every_registered_block_type_declares_itself_whole():
    for name, block in blocks.block_types().items():
        assert block.name == name
        assert (block.main_key is None) == (block.short is None), name
        if block.main_key is not None:
            assert block.main_key in block.model.model_fields, name
