"""Files named in a YAML file stay inside its folder; devices and pipes are never read."""

from __future__ import annotations

import os
import threading
import unicodedata
from pathlib import Path

import pytest

from smartprint.load.paths import (
    FileMissing,
    NotRegularFile,
    OutsideFolder,
    PathRefused,
    TooLarge,
    find_case_insensitive,
    read_bounded,
    resolve_inside,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX links, devices and FIFOs")


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    """A material folder with a picture, a subfolder and a secret next to it."""
    folder = tmp_path / "deck"
    (folder / "bilder").mkdir(parents=True)
    (folder / "a.png").write_bytes(b"a")
    (folder / "bilder" / "b.png").write_bytes(b"b")
    (tmp_path / "secret.png").write_bytes(b"secret")
    return folder


def resolve(deck: Path, value: str, *allowed: Path) -> Path:
    return resolve_inside(deck, value, allowed, named_in="deck.yaml", what="image")


# --- accepted ------------------------------------------------------------------------------


def test_a_file_in_the_folder_and_in_a_subfolder(deck: Path) -> None:
    assert resolve(deck, "a.png") == (deck / "a.png").resolve()
    assert resolve(deck, "bilder/b.png") == (deck / "bilder" / "b.png").resolve()
    assert resolve(deck, "./bilder/../a.png") == (deck / "a.png").resolve()


def test_an_absolute_path_inside_the_folder_is_fine(deck: Path) -> None:
    assert resolve(deck, str((deck / "bilder" / "b.png").resolve())) == (deck / "bilder" / "b.png").resolve()


@posix_only
def test_a_link_inside_the_folder_to_a_file_inside_is_fine(deck: Path) -> None:
    (deck / "lenke.png").symlink_to(deck / "bilder" / "b.png")
    assert resolve(deck, "lenke.png") == (deck / "bilder" / "b.png").resolve()


@posix_only
def test_a_folder_reached_through_a_link_still_counts_as_the_folder(deck: Path, tmp_path: Path) -> None:
    (tmp_path / "snarvei").symlink_to(deck)
    assert resolve(tmp_path / "snarvei", "a.png") == (deck / "a.png").resolve()


def test_an_allowed_folder_is_fine_relative_or_absolute(deck: Path, tmp_path: Path) -> None:
    felles = tmp_path / "felles"
    felles.mkdir()
    (felles / "logo.png").write_bytes(b"logo")
    assert resolve(deck, "../felles/logo.png", felles) == (felles / "logo.png").resolve()
    assert resolve(deck, str(felles / "logo.png"), felles) == (felles / "logo.png").resolve()


# --- refused: outside ------------------------------------------------------------------------


def test_dot_dot_out_of_the_folder_is_refused_with_what_to_do(deck: Path) -> None:
    (deck / "x").mkdir()
    with pytest.raises(OutsideFolder) as exc:
        resolve(deck / "x", "../../secret.png")
    assert str(exc.value) == (
        "image '../../secret.png' is outside the folder of deck.yaml; copy the file "
        "into that folder, or allow its folder with --allow-path DIR"
    )
    assert isinstance(exc.value, ValueError)


def test_an_absolute_path_outside_is_refused(deck: Path, tmp_path: Path) -> None:
    with pytest.raises(OutsideFolder, match="outside the folder of deck.yaml"):
        resolve(deck, str(tmp_path / "secret.png"))


def test_outside_is_said_before_whether_the_file_exists(deck: Path) -> None:
    """The message must not tell a shared deck whether some file on the disk exists."""
    with pytest.raises(OutsideFolder):
        resolve(deck, "../does-not-exist.png")
    with pytest.raises(OutsideFolder):
        resolve(deck, "/no/such/file.png")


def test_a_sibling_folder_with_the_same_prefix_is_outside(tmp_path: Path) -> None:
    (tmp_path / "deck").mkdir()
    (tmp_path / "deck2").mkdir()
    (tmp_path / "deck2" / "x.png").write_bytes(b"x")
    with pytest.raises(OutsideFolder):
        resolve(tmp_path / "deck", "../deck2/x.png")
    (tmp_path / "other").mkdir()
    with pytest.raises(OutsideFolder):  # allowing deck does not allow deck2
        resolve(tmp_path / "other", str(tmp_path / "deck2" / "x.png"), tmp_path / "deck")


@posix_only
def test_a_link_inside_the_folder_pointing_out_is_refused(deck: Path, tmp_path: Path) -> None:
    (deck / "bilder" / "ferie.png").symlink_to(tmp_path / "secret.png")
    with pytest.raises(OutsideFolder, match="it is a link to a file elsewhere"):
        resolve(deck, "bilder/ferie.png")
    (deck / "ut").symlink_to(tmp_path)  # a linked folder leading out
    with pytest.raises(OutsideFolder):
        resolve(deck, "ut/secret.png")


@posix_only
def test_a_link_loop_is_refused_not_a_crash(deck: Path) -> None:
    (deck / "loop.png").symlink_to(deck / "loop.png")
    with pytest.raises(PathRefused):
        resolve(deck, "loop.png")


def test_an_allowed_folder_does_not_allow_its_parent(deck: Path, tmp_path: Path) -> None:
    with pytest.raises(OutsideFolder):
        resolve(deck, "../secret.png", deck / "bilder")


# --- refused: not a file ------------------------------------------------------------------


@posix_only
def test_devices_are_refused_even_when_allowed(deck: Path) -> None:
    with pytest.raises(OutsideFolder):
        resolve(deck, "/dev/zero")
    with pytest.raises(NotRegularFile, match="not a regular file"):
        resolve(deck, "/dev/zero", Path("/dev"))
    (deck / "null.png").symlink_to("/dev/null")
    with pytest.raises(NotRegularFile, match="a device"):
        resolve(deck, "null.png", Path("/dev"))


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_proc_files_are_refused_though_they_claim_to_be_regular(deck: Path) -> None:
    with pytest.raises(OutsideFolder):
        resolve(deck, "/proc/self/mem")
    with pytest.raises(NotRegularFile, match="not a regular file"):
        resolve(deck, "/proc/self/mem", Path("/proc"))
    with pytest.raises(NotRegularFile):
        resolve(deck, "/proc/self/status", Path("/"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_inside_the_folder_is_refused_without_hanging(deck: Path) -> None:
    os.mkfifo(deck / "pipe.png")
    with pytest.raises(NotRegularFile, match="pipe"):
        resolve(deck, "pipe.png")


def test_a_folder_is_refused(deck: Path) -> None:
    (deck / "x.png").mkdir()
    with pytest.raises(NotRegularFile, match="is a folder, not a regular file"):
        resolve(deck, "x.png")
    with pytest.raises(NotRegularFile):
        resolve(deck, ".")


@pytest.mark.parametrize("value", ["", "   ", "\t"])
def test_an_empty_name_is_refused(deck: Path, value: str) -> None:
    with pytest.raises(PathRefused, match="empty"):
        resolve(deck, value)


def test_a_nul_character_is_refused_not_a_crash(deck: Path) -> None:
    with pytest.raises(PathRefused, match="NUL"):
        resolve(deck, "a\x00.png")


def test_a_name_too_long_is_refused_not_a_crash(deck: Path) -> None:
    with pytest.raises(PathRefused):
        resolve(deck, "x" * 5000 + ".png")


# --- not found, and the capital-letter hint ----------------------------------------------


def test_missing_file(deck: Path) -> None:
    with pytest.raises(FileMissing, match="image 'borte.png' not found in the folder of deck.yaml") as exc:
        resolve(deck, "borte.png")
    assert exc.value.suggestion is None


def test_missing_file_whose_capitals_differ_gets_a_hint(deck: Path) -> None:
    (deck / "Klassetur 2024.JPG").write_bytes(b"j")
    with pytest.raises(FileMissing) as exc:
        resolve(deck, "Klassetur 2024.jpg")
    assert "not found; there is 'Klassetur 2024.JPG' — the capital letters differ" in str(exc.value)
    assert exc.value.suggestion == deck.resolve() / "Klassetur 2024.JPG"


def test_the_hint_works_through_folders_too(deck: Path) -> None:
    with pytest.raises(FileMissing, match="there is 'bilder/b.png'"):
        resolve(deck, "Bilder/B.PNG")


def test_a_backslash_gets_a_hint(deck: Path) -> None:
    with pytest.raises(FileMissing, match="write '/' between folder names"):
        resolve(deck, "bilder\\c.png")


@posix_only
def test_no_hint_names_a_file_outside_the_folder(deck: Path, tmp_path: Path) -> None:
    (deck / "Lenke.png").symlink_to(tmp_path / "secret.png")
    with pytest.raises(FileMissing) as exc:
        resolve(deck, "lenke.png")
    assert "there is" not in str(exc.value)


def test_find_case_insensitive(deck: Path) -> None:
    (deck / "Klassetur 2024.JPG").write_bytes(b"j")
    assert find_case_insensitive(deck / "Klassetur 2024.jpg") == deck / "Klassetur 2024.JPG"
    assert find_case_insensitive(deck / "a.png") == deck / "a.png"  # exists: itself
    assert find_case_insensitive(deck / "BILDER" / "B.png") == deck / "bilder" / "b.png"
    assert find_case_insensitive(deck / "nope.png") is None
    assert find_case_insensitive(deck / "nope" / "a.png") is None


def test_find_case_insensitive_matches_either_unicode_form(deck: Path) -> None:
    """macOS zips store 'å' as 'a' + ring; the YAML says 'å'."""
    nfd = unicodedata.normalize("NFD", "Påske.png")
    (deck / nfd).write_bytes(b"p")
    if (deck / "Påske.png").exists():
        pytest.skip("this file system normalises names itself")
    assert find_case_insensitive(deck / "påske.png") == deck / nfd
    with pytest.raises(FileMissing, match="capitals or accents"):
        resolve(deck, "Påske.png")


# --- read_bounded ---------------------------------------------------------------------------


def test_read_bounded_reads_up_to_the_limit(tmp_path: Path) -> None:
    f = tmp_path / "f.bin"
    f.write_bytes(b"x" * 100)
    assert read_bounded(f, 100) == b"x" * 100
    assert read_bounded(f, 1000) == b"x" * 100
    with pytest.raises(TooLarge) as exc:
        read_bounded(f, 99)
    assert exc.value.size == 100 and exc.value.limit == 99


def test_read_bounded_refuses_a_huge_file_without_reading_it(tmp_path: Path) -> None:
    f = tmp_path / "huge.bin"
    with open(f, "wb") as out:
        out.truncate(2**40)  # a sparse terabyte: reading it would never end
    with pytest.raises(TooLarge) as exc:
        read_bounded(f, 1000)
    assert exc.value.size == 2**40


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_read_bounded_catches_a_file_whose_size_lies() -> None:
    assert Path("/proc/self/status").stat().st_size == 0
    assert b"Name:" in read_bounded(Path("/proc/self/status"), 1_000_000)
    with pytest.raises(TooLarge) as exc:
        read_bounded(Path("/proc/self/status"), 10)
    assert exc.value.size is None


@posix_only
def test_read_bounded_refuses_devices_and_folders(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFile, match="a device"):
        read_bounded(Path("/dev/zero"), 10)
    with pytest.raises(NotRegularFile, match="a folder"):
        read_bounded(tmp_path, 10)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_read_bounded_does_not_hang_on_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            read_bounded(tmp_path / "pipe", 10)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    t = threading.Thread(target=attempt, daemon=True)
    t.start()
    t.join(5)
    assert not t.is_alive(), "read_bounded blocked on a FIFO"
    assert len(outcome) == 1 and isinstance(outcome[0], NotRegularFile)


def test_read_bounded_lets_a_missing_file_be_an_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_bounded(tmp_path / "nope", 10)
