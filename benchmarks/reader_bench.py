"""How long the reader takes to show a very long article (target: under a second).

Builds a text of --mb megabytes (default 19, the size that froze the window for 15-26 s
when it was laid out whole), shows it in a ReaderPanel offscreen, reveals a span at its
end, and prints JSON last: seconds to show, seconds to reveal, peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.ui.reader import ReaderPanel  # noqa: E402

LINE = "Residents of the district queued for bread and water again this morning, officials said.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=19.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    text = LINE * int(args.mb * 1024 * 1024 / len(LINE))
    detail = {"id": 1, "text": text, "title": "Long", "outlet": None, "published": "2018-09-07",
              "source_file": "long.txt"}
    reader = ReaderPanel()
    reader.resize(900, 700)
    reader.show()
    app.processEvents()
    start = time.perf_counter()
    reader.show_article(detail, [])
    app.processEvents()
    shown = time.perf_counter() - start
    start = time.perf_counter()
    reader.reveal(len(text) - 200, len(text) - 100)
    app.processEvents()
    revealed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.mb:.0f} MB article: shown in {shown:.3f} s, end revealed in {revealed:.3f} s, "
          f"{len(reader.starts)} parts, peak {peak:.0f} MB")
    print(json.dumps({"mb": args.mb, "show_seconds": round(shown, 3),
                      "reveal_seconds": round(revealed, 3), "parts": len(reader.starts),
                      "peak_rss_mb": round(peak), "ok": shown < 1.0 and revealed < 1.0}))


if __name__ == "__main__":
    main()
