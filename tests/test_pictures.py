"""Pictures: every bad file is one clear line at its place; good ones print upright and small."""

from __future__ import annotations

import math
import shutil
import struct
import warnings
import zlib
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, features
from reportlab.pdfgen.canvas import Canvas

from smartprint.errors import UserError
from smartprint.load.source import Source
from smartprint.resolve import assets
from smartprint.resolve.assets import MAX_IMAGE_PIXELS, Picture, load_picture

LOC = ("cards", 0, "image")


@pytest.fixture(autouse=True)
def no_warnings_escape(capfd: pytest.CaptureFixture[str]) -> Iterator[None]:
    """No Python warning and no C library chatter on stderr, from any test here."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    assert [str(w.message) for w in caught] == []
    assert capfd.readouterr().err == ""


@pytest.fixture
def src(tmp_path: Path) -> Source:
    """A deck.yaml in tmp_path whose card image value stands at line 4, column 12."""
    return Source(path=tmp_path / "deck.yaml", data={}, values={LOC: (4, 12)})


def load(src: Source, value: str) -> Picture:
    return load_picture(src, LOC, value)


def refusal(src: Source, value: str) -> str:
    with pytest.raises(UserError) as exc:
        load_picture(src, LOC, value)
    (problem,) = exc.value.problems
    assert str(problem).startswith(f"{src.name}:4:12: "), str(problem)
    assert "\n" not in str(problem)
    return problem.message


def two_colours(size: tuple[int, int] = (40, 20)) -> Image.Image:
    """Left half red, right half blue: shows where the picture's left ended up."""
    im = Image.new("RGB", size, (0, 0, 255))
    im.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    return im


def is_red(p: tuple[int, ...] | float | None) -> bool:
    assert isinstance(p, tuple)
    return p[0] > 200 and p[1] < 60 and p[2] < 60


def is_blue(p: tuple[int, ...] | float | None) -> bool:
    assert isinstance(p, tuple)
    return p[0] < 60 and p[1] < 60 and p[2] > 200


def noise(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    return Image.effect_noise(size, 80).convert(mode)


def png_with_header_size(path: Path, width: int, height: int) -> None:
    """A tiny PNG whose IHDR claims width × height (CRC fixed): a decompression bomb's header."""
    buf = BytesIO()
    Image.new("1", (8, 8)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))


def pdf_of(readers_and_boxes: list[tuple[object, float, float]]) -> bytes:
    out = BytesIO()
    c = Canvas(out, invariant=1)
    for i, (reader, w, h) in enumerate(readers_and_boxes):
        c.drawImage(reader, 20 + (i % 5) * 5, 20 + (i // 5) * 5, w, h, mask="auto")
    c.showPage()
    c.save()
    return out.getvalue()


# --- refusals, each one line at the place -----------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(8000, 6000), (10000, 10000), (40000, 40000)])
def test_a_bomb_is_refused_from_its_header(src: Source, tmp_path: Path, width: int, height: int) -> None:
    """48 M is ours to refuse; 100 M makes Pillow warn; 1600 M makes Pillow raise. Same line each."""
    png_with_header_size(tmp_path / "bomb.png", width, height)
    assert (tmp_path / "bomb.png").stat().st_size < 200
    message = refusal(src, "bomb.png")
    assert message.startswith("image 'bomb.png' has ")
    assert f"at most {MAX_IMAGE_PIXELS // 1_000_000} million pixels" in message
    assert f"{width * height / 1e6:.0f} million" in message


def test_a_bomb_made_by_pillow_is_refused(src: Source, tmp_path: Path) -> None:
    Image.new("L", (9000, 5000)).save(tmp_path / "big.png")  # 45 M pixels of black: a small file
    assert (tmp_path / "big.png").stat().st_size < 200_000
    assert "9000 × 5000 pixels (45 million); at most 40 million" in refusal(src, "big.png")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "BMP", "TIFF"])
def test_a_truncated_picture_is_damaged(src: Source, tmp_path: Path, fmt: str) -> None:
    buf = BytesIO()
    noise((200, 150), "P" if fmt == "GIF" else "RGB").save(buf, fmt)
    data = buf.getvalue()
    (tmp_path / "cut.img").write_bytes(data[: len(data) // 2])
    ext = {"JPEG": "jpg"}.get(fmt, fmt.lower())
    (tmp_path / "cut.img").rename(tmp_path / f"cut.{ext}")
    assert refusal(src, f"cut.{ext}") == (f"image 'cut.{ext}' is damaged or incomplete; open it and save it again")


def test_a_png_with_a_bad_checksum_is_damaged(src: Source, tmp_path: Path) -> None:
    buf = BytesIO()
    noise((50, 50)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    data[60] ^= 0xFF  # inside the first IDAT
    (tmp_path / "flip.png").write_bytes(bytes(data))
    assert "damaged or incomplete" in refusal(src, "flip.png")


def test_text_named_png_is_not_a_picture(src: Source, tmp_path: Path) -> None:
    (tmp_path / "x.png").write_text("<html>404 Not Found</html>")
    message = refusal(src, "x.png")
    assert message.startswith("image 'x.png' is not a picture")
    assert "save it as PNG or JPEG" in message


def test_an_empty_file_is_not_a_picture(src: Source, tmp_path: Path) -> None:
    (tmp_path / "tom.jpg").write_bytes(b"")
    assert "is not a picture" in refusal(src, "tom.jpg")


def test_eps_named_png_is_never_handed_to_ghostscript(src: Source, tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n")
    assert "is not a picture" in refusal(src, "x.png")


def test_a_folder_named_png_is_not_a_regular_file(src: Source, tmp_path: Path) -> None:
    (tmp_path / "x.png").mkdir()
    assert "not a regular file" in refusal(src, "x.png")


def test_an_outside_path_is_refused(src: Source, tmp_path: Path) -> None:
    (tmp_path / "deck").mkdir()
    two_colours().save(tmp_path / "secret.png")
    inner = Source(path=tmp_path / "deck" / "deck.yaml", data={}, values={LOC: (4, 12)})
    with pytest.raises(UserError) as exc:
        load_picture(inner, LOC, "../secret.png")
    assert str(exc.value).endswith(
        "deck.yaml:4:12: image '../secret.png' is outside the folder of deck.yaml; copy the file "
        "into that folder, or allow its folder with --allow-path DIR"
    )
    assert load_picture(inner, LOC, "../secret.png", allowed=[tmp_path]).width == 40


def test_missing_with_the_capital_letter_hint(src: Source, tmp_path: Path) -> None:
    two_colours().save(tmp_path / "Klassetur 2024.JPG", "JPEG")
    assert refusal(src, "Klassetur 2024.jpg").startswith(
        "image 'Klassetur 2024.jpg' not found; there is 'Klassetur 2024.JPG' — the capital letters differ"
    )


@pytest.mark.parametrize(
    ("name", "extra"), [("bilde.heic", "iPhone"), ("tegning.svg", "PNG"), ("notat.txt", ""), ("uten", "")]
)
def test_a_wrong_kind_of_file_lists_the_accepted_types(src: Source, tmp_path: Path, name: str, extra: str) -> None:
    (tmp_path / name).write_bytes(b"whatever")
    message = refusal(src, name)
    assert "use a PNG, JPEG, GIF, WebP, BMP or TIFF file" in message
    assert extra in message


def test_too_many_bytes(src: Source, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assets, "MAX_IMAGE_BYTES", 2**20)
    noise((1000, 1000)).save(tmp_path / "stor.bmp")  # 3 MB
    assert refusal(src, "stor.bmp") == "image 'stor.bmp' is 3 MB; at most 1 MB (save a smaller copy)"


# --- what a good file becomes --------------------------------------------------------------------


@pytest.mark.parametrize(("orientation", "red_at"), [(1, "left"), (3, "right"), (6, "top"), (8, "bottom")])
def test_a_phone_photo_prints_upright(src: Source, tmp_path: Path, orientation: int, red_at: str) -> None:
    exif = Image.Exif()
    exif[0x0112] = orientation
    two_colours((40, 20)).save(tmp_path / "foto.jpg", exif=exif.tobytes(), quality=95)
    pic = load(src, "foto.jpg")
    turned = orientation in (6, 8)
    assert (pic.width, pic.height) == ((20, 40) if turned else (40, 20))
    assert pic.ratio == pytest.approx(0.5 if turned else 2.0)
    im = pic.render((pic.width, pic.height))
    assert im.size == (pic.width, pic.height)
    w, h = im.size
    spots = {"left": (2, h // 2), "right": (w - 3, h // 2), "top": (w // 2, 2), "bottom": (w // 2, h - 3)}
    opposite = {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}
    assert is_red(im.getpixel(spots[red_at]))
    assert is_blue(im.getpixel(spots[opposite[red_at]]))


def test_orientation_is_kept_when_scaled_down(src: Source, tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    two_colours((800, 400)).save(tmp_path / "foto.jpg", exif=exif.tobytes(), quality=95)
    pic = load(src, "foto.jpg")
    reader = pic.reader(24, 48)  # 1/3 × 2/3 inch: 100 × 200 px at 300 dpi
    assert reader.getSize() == (100, 200)
    im = pic.render((100, 200))
    assert is_red(im.getpixel((50, 5))) and is_blue(im.getpixel((50, 194)))


def test_a_broken_exif_block_is_ignored(src: Source, tmp_path: Path) -> None:
    buf = BytesIO()
    two_colours().save(buf, "JPEG", exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff")
    (tmp_path / "rar.jpg").write_bytes(buf.getvalue())
    pic = load(src, "rar.jpg")
    assert (pic.width, pic.height, pic.orientation) == (40, 20, 1)


def test_a_palette_gif_becomes_rgb(src: Source, tmp_path: Path) -> None:
    two_colours().convert("P", palette=Image.Palette.ADAPTIVE, colors=4).save(tmp_path / "p.gif")
    pic = load(src, "p.gif")
    assert (pic.format, pic.mode) == ("GIF", "RGB")
    im = pic.render((40, 20))
    assert im.mode == "RGB" and is_red(im.getpixel((2, 10))) and is_blue(im.getpixel((37, 10)))


def test_a_gif_with_a_transparent_colour_keeps_its_transparency(src: Source, tmp_path: Path) -> None:
    im = two_colours().convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    blue_index = im.getpixel((37, 10))
    im.save(tmp_path / "t.gif", transparency=blue_index)
    pic = load(src, "t.gif")
    assert pic.mode == "RGBA" and pic.has_alpha
    out = pic.render((40, 20))
    assert out.getpixel((37, 10))[3] == 0  # type: ignore[index]
    assert out.getpixel((2, 10))[3] == 255  # type: ignore[index]


def test_an_animated_gif_gives_its_first_frame(src: Source, tmp_path: Path) -> None:
    frames = [Image.new("RGB", (10, 10), c) for c in ((255, 0, 0), (0, 0, 255))]
    frames[0].save(tmp_path / "anim.gif", save_all=True, append_images=frames[1:], duration=100)
    assert is_red(load(src, "anim.gif").render((10, 10)).getpixel((5, 5)))


def test_a_transparent_png_keeps_alpha_and_an_opaque_one_drops_it(src: Source, tmp_path: Path) -> None:
    im = two_colours().convert("RGBA")
    opaque = im.copy()
    im.putalpha(Image.new("L", (40, 20), 0).crop((0, 0, 40, 20)))
    im.paste((255, 0, 0, 255), (0, 0, 20, 20))
    im.save(tmp_path / "alpha.png")
    opaque.save(tmp_path / "opaque.png")
    pic = load(src, "alpha.png")
    assert pic.mode == "RGBA"
    out = pic.render((40, 20))
    assert out.getpixel((2, 10)) == (255, 0, 0, 255) and out.getpixel((37, 10))[3] == 0  # type: ignore[index]
    assert load(src, "opaque.png").mode == "RGB"


def test_a_cmyk_jpeg_becomes_rgb(src: Source, tmp_path: Path) -> None:
    im = Image.new("CMYK", (40, 20), (255, 255, 0, 0))  # blue
    im.paste((0, 255, 255, 0), (0, 0, 20, 20))  # red
    im.save(tmp_path / "cmyk.jpg", quality=95)
    pic = load(src, "cmyk.jpg")
    assert pic.mode == "RGB"
    out = pic.render((40, 20))
    assert is_red(out.getpixel((3, 10))) and is_blue(out.getpixel((36, 10)))
    small = pic.render((10, 5))  # decoded at 1/4 scale (JPEG draft) and still CMYK → RGB
    assert small.mode == "RGB" and is_red(small.getpixel((1, 2))) and is_blue(small.getpixel((8, 2)))


def test_greyscale_stays_greyscale_and_sixteen_bit_is_scaled(src: Source, tmp_path: Path) -> None:
    Image.new("L", (10, 10), 77).save(tmp_path / "grey.png")
    Image.new("1", (10, 10), 1).save(tmp_path / "bw.png")
    deep = Image.new("I;16", (4, 1))
    for x, v in enumerate([0, 256, 32768, 65535]):
        deep.putpixel((x, 0), v)
    deep.save(tmp_path / "deep.png")
    grey = load(src, "grey.png")
    assert grey.mode == "L" and grey.render((10, 10)).getpixel((5, 5)) == 77
    assert load(src, "bw.png").render((10, 10)).getpixel((5, 5)) == 255
    out = load(src, "deep.png").render((4, 1))
    assert out.mode == "L" and [out.getpixel((x, 0)) for x in range(4)] == [0, 1, 128, 255]


@pytest.mark.parametrize("fmt", ["BMP", "TIFF", "WEBP", "MPO"])
def test_other_formats_load(src: Source, tmp_path: Path, fmt: str) -> None:
    if fmt == "WEBP" and not features.check("webp"):
        pytest.skip("Pillow without WebP")
    ext = {"MPO": "jpg", "WEBP": "webp", "TIFF": "tif"}.get(fmt, fmt.lower())
    options = {"WEBP": {"lossless": True}, "MPO": {"save_all": True, "append_images": [two_colours()]}}
    two_colours().save(tmp_path / f"x.{ext}", fmt, **options.get(fmt, {}))
    pic = load(src, f"x.{ext}")
    assert (pic.width, pic.height, pic.mode) == (40, 20, "RGB")
    assert is_red(pic.render((40, 20)).getpixel((3, 10)))


def test_content_decides_not_the_extension(src: Source, tmp_path: Path) -> None:
    two_colours().save(tmp_path / "egentlig-png.jpg", "PNG")
    assert load(src, "egentlig-png.jpg").format == "PNG"


# --- size for print, caching and embedding --------------------------------------------------------


def test_pixels_for_caps_at_300_dpi_and_a3_and_never_enlarges() -> None:
    pic = Picture(
        "x.jpg", path=Path("x.jpg"), width=6000, height=4000, mode="RGB", format="JPEG", orientation=1, data=b""
    )
    mm = 72 / 25.4
    assert pic.pixels_for(60 * mm, 60 * mm) == (709, 473)  # 60 mm wide at 300 dpi is 708.7 px
    assert pic.pixels_for(60 * mm, 20 * mm) == (355, 237)  # the height limits: 20 mm → 236.2 px
    assert pic.pixels_for(math.inf, math.inf) == (4961, 3308)  # A3 at 300 dpi
    small = Picture(
        "s.png", path=Path("s.png"), width=100, height=50, mode="RGB", format="PNG", orientation=1, data=b""
    )
    assert small.pixels_for(500, 500) == (100, 50)
    with pytest.raises(ValueError):
        pic.pixels_for(0, 10)
    with pytest.raises(ValueError):
        pic.pixels_for(math.nan, 10)


def test_a_large_photo_is_scaled_to_its_printed_size(src: Source, tmp_path: Path) -> None:
    noise((3000, 2000)).save(tmp_path / "stor.jpg", quality=80)
    pic = load(src, "stor.jpg")
    mm = 72 / 25.4
    reader = pic.reader(63 * mm, 40 * mm)  # a card picture
    assert reader.getSize() == pic.pixels_for(63 * mm, 40 * mm) == (709, 473)


def test_one_reader_per_size_and_one_picture_per_file(src: Source, tmp_path: Path) -> None:
    two_colours((400, 200)).save(tmp_path / "a.png")
    pic = load(src, "a.png")
    assert load(src, "a.png") is pic  # the same file on many cards is read once
    assert pic.reader(48, 24) is pic.reader(48, 24)
    assert pic.reader(48, 24) is pic.reader(48, 100)  # same fitted size, same reader
    assert pic.reader(48, 24) is not pic.reader(24, 12)


def test_a_picture_on_a_hundred_cards_is_embedded_once(src: Source, tmp_path: Path) -> None:
    noise((300, 200)).save(tmp_path / "a.jpg", quality=85)
    pic = load(src, "a.jpg")
    pdf = pdf_of([(pic.reader(60, 40), 60, 40)] * 100)
    assert pdf.count(b"/Subtype /Image") == 1
    assert b"/DCTDecode" in pdf  # a photo stays a JPEG inside the PDF


def test_drawing_on_a_canvas_works_for_every_mode(src: Source, tmp_path: Path) -> None:
    two_colours().save(tmp_path / "rgb.jpg")
    Image.new("L", (30, 30), 100).save(tmp_path / "grey.jpg")
    im = two_colours().convert("RGBA")
    im.putalpha(128)
    im.save(tmp_path / "alpha.png")
    Image.new("LA", (30, 30), (50, 100)).save(tmp_path / "la.png")
    two_colours().convert("P").save(tmp_path / "p.gif")
    boxes = []
    for name in ("rgb.jpg", "grey.jpg", "alpha.png", "la.png", "p.gif"):
        pic = load(src, name)
        boxes.append((pic.reader(40, 40), 40.0, 40.0))
    pdf = pdf_of(boxes)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Subtype /Image") >= 5
    assert b"/SMask" in pdf  # the transparent ones carry their mask


def test_the_same_input_gives_the_same_pdf(src: Source, tmp_path: Path) -> None:
    """Two separate loads of equal bytes (no shared cache) give byte-identical PDFs."""
    exif = Image.Exif()
    exif[0x0112] = 6
    noise((900, 600)).save(tmp_path / "a.jpg", exif=exif.tobytes(), quality=85)
    noise((300, 200), "RGBA").save(tmp_path / "b.png")
    (tmp_path / "kopi").mkdir()
    for name in ("a.jpg", "b.png"):
        shutil.copy(tmp_path / name, tmp_path / "kopi" / name)
    other = Source(path=tmp_path / "kopi" / "deck.yaml", data={}, values={LOC: (4, 12)})

    def build(s: Source) -> bytes:
        a, b = load_picture(s, LOC, "a.jpg"), load_picture(s, LOC, "b.png")
        return pdf_of([(a.reader(50, 80), 50, 80), (b.reader(60, 40), 60, 40)])

    first, second = build(src), build(other)
    assert first == second
