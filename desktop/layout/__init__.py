"""layout layer: time scales, axis ticks and lane packing as pure functions (no Qt).

The PDF/PNG/SVG painters and the zoomable timeline view share these, so an export
looks like the screen and both are tested without a display.
"""

from desktop.layout.breaks import cluster_spans
from desktop.layout.lanes import Box, pack_rows
from desktop.layout.scale import Segment, TimeScale
from desktop.layout.ticks import AxisTicks, Tick, TickLevel, axis_ticks, choose_level
from desktop.layout.timeline import (
    Item,
    LaneBand,
    Placed,
    TimelineLayout,
    data_range,
    extent_of,
    place_items,
)

__all__ = [
    "AxisTicks",
    "Box",
    "Item",
    "LaneBand",
    "Placed",
    "Segment",
    "Tick",
    "TickLevel",
    "TimeScale",
    "TimelineLayout",
    "axis_ticks",
    "choose_level",
    "cluster_spans",
    "data_range",
    "extent_of",
    "pack_rows",
    "place_items",
]
