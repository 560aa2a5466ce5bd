"""QR codes as a matrix of modules, to be drawn as vector squares (sharp at any size)."""

from __future__ import annotations

MAX_QR_CHARS = 1000


def qr_matrix(data: str) -> list[list[bool]]:
    """Dark/light modules including the quiet zone the standard asks for."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    if len(data) > MAX_QR_CHARS:
        raise ValueError(f"the QR text is {len(data)} characters; at most {MAX_QR_CHARS} fit a code "
                         "that a phone reads from a card")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    code.add_data(data)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]
