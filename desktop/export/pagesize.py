"""Page sizes by name or as WxHmm, in millimetres (no Qt, so the CLI can validate early)."""

from __future__ import annotations

import re

NAMED = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "A2": (420.0, 594.0),
    "A1": (594.0, 841.0),
    "A0": (841.0, 1189.0),
    "LETTER": (215.9, 279.4),
    "LEGAL": (215.9, 355.6),
    "TABLOID": (279.4, 431.8),
}
_CUSTOM = re.compile(r"(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in)?", re.IGNORECASE)
_UNIT_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4}


def parse_page(text: str, landscape: bool = False) -> tuple[float, float]:
    """(width, height) in mm; landscape puts the long side across. ValueError if unknown."""
    key = text.strip().upper()
    if key in NAMED:
        w, h = NAMED[key]
    else:
        m = _CUSTOM.fullmatch(text.strip())
        if not m:
            raise ValueError(
                f"unknown page size {text!r}: use A4, A3, Letter, Tabloid or WxHmm (e.g. 900x600mm)"
            )
        k = _UNIT_MM[(m[3] or "mm").lower()]
        w, h = float(m[1]) * k, float(m[2]) * k
        if not (50 <= w <= 5080 and 50 <= h <= 5080):
            raise ValueError(f"page size {text!r} must be between 50 mm and 5 m on each side")
        return (max(w, h), min(w, h)) if landscape else (w, h)
    return (h, w) if landscape else (w, h)
