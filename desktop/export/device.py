"""Painting into memory, then writing through an atomic Sink, so no write error is lost.

QPdfWriter, QSvgGenerator and QImage.save ignore their device's write errors: given a
file name, a full disk yields a truncated file and a success. They paint into a QBuffer
instead; its bytes then go through `Sink.write`, which raises the OS's own reason.
(A Python QIODevice subclass cannot stand in: PySide passes writeData a str.) Exports
are bounded in size (page count, --width caps), so holding one in memory is fine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QIODevice

from desktop.export.atomic import Sink


@contextmanager
def memory_device(sink: Sink) -> Iterator[QBuffer]:
    """A buffer to paint into; on leaving without an error its bytes go to `sink`."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    yield buffer
    buffer.close()
    data = buffer.data()
    sink.write(data.data())
    buffer.setData(b"")
