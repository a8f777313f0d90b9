"""QR codes for printed handouts, drawn as inline SVG so the page makes no extra request."""

import io

import segno
from django.utils.safestring import mark_safe


def qr_svg(url: str, *, title: str) -> str:
    """An SVG QR code that leads back to `url` (safe to insert into a template)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=3, xmldecl=False, svgns=True, title=title, nl=False,
        svgclass="qr-code", lineclass=None,
    )
    # segno escapes the title; the rest is generated markup with no user input.
    return mark_safe(buffer.getvalue().decode())
