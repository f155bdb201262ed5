"""layout layer: time scales, axis ticks and lane packing as pure functions (no Qt).

The PDF/PNG/SVG painters and the zoomable timeline view share these, so an export
looks like the screen and both are tested without a display.
"""

from desktop.layout.lanes import Box, pack_rows
from desktop.layout.ticks import TickLevel, choose_level
from desktop.layout.timeline import (
    Item,
    LaneBand,
    Placed,
    TimelineLayout,
    extent_of,
    place_items,
)

__all__ = [
    "Box",
    "Item",
    "LaneBand",
    "Placed",
    "TickLevel",
    "TimelineLayout",
    "choose_level",
    "extent_of",
    "pack_rows",
    "place_items",
]
