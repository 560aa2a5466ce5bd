"""QR codes as a matrix of modules, to be drawn as vector squares (sharp at any size)."""

from __future__ import annotations

MAX_QR_CHARS = 1000
MIN_MODULE_MM = 0.4  # the smallest dot a phone's camera reads reliably from paper


def _too_long(data: str, printed_on: str) -> ValueError:
    return ValueError(
        f"the QR text is {len(data)} characters, too long for a QR code a phone can read "
        f"from {printed_on}; use a shorter link"
    )


def qr_matrix(data: str, printed_on: str = "a card") -> list[list[bool]]:
    """Dark/light modules including the quiet zone the standard asks for.
    `printed_on` names what the code is printed on, for the message ("a card", "a sheet").

    Every refusal is a ValueError in plain words: the library's own ("Invalid version
    (was 41, expected 1 to 40)") means nothing to a teacher, and it raises several
    types for the same cause (text that does not fit even the largest code)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    if len(data) > MAX_QR_CHARS:
        raise _too_long(data, printed_on)
    for ch in data:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            raise ValueError(f"the QR text contains a broken character (U+{ord(ch):04X}); remove it")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    try:
        code.add_data(data)
        code.make(fit=True)
        return [list(row) for row in code.get_matrix()]
    except Exception as exc:  # the library's errors are no closed set; all mean "does not fit"
        raise _too_long(data, printed_on) from exc


def smallest_size_mm(matrix_side: int) -> int:
    """The printed side (whole mm, quiet zone included) at which a code of `matrix_side`
    modules has dots of at least MIN_MODULE_MM."""
    import math

    return math.ceil(matrix_side * MIN_MODULE_MM - 1e-9)
