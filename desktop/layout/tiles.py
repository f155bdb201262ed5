"""Page tiles: cutting a chart wider than a page into overlapping windows."""

from __future__ import annotations


def tiles(x0: float, x1: float, tile_px: float, overlap_px: float) -> list[tuple[float, float]]:
    """Windows of `tile_px` covering [x0, x1], each overlapping the previous by `overlap_px`."""
    if x1 - x0 <= tile_px:
        return [(x0, x0 + tile_px)]
    step = max(tile_px - overlap_px, 1.0)
    out, x = [], x0
    while True:
        out.append((x, x + tile_px))
        if x + tile_px >= x1 - 1e-6:
            return out
        x += step
