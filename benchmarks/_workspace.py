"""A large workspace written straight into the store (Core inserts, one transaction):
N accepted events over 10 lanes and 30 years, each citing one of the articles, plus
pending suggestions; used by window_bench.py and the scale tests."""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, timedelta

from sqlalchemy import insert

from desktop.services.matching import signature
from desktop.store import Article, Citation, Event, Lane, Workspace

WORDS = ("Shelling", "Protest", "Summit", "Convoy", "Ceasefire", "Checkpoint", "Talks",
         "Air raid", "Crossing", "Statement", "Offensive", "Agreement")  # fmt: skip
PLACES = ("Idlib", "Aleppo", "Hama", "Saraqib", "Ariha", "Sarmin", "Binnish")


def fill(ws: Workspace, events: int = 100_000, pending: int = 2_000, articles: int = 500,
         lanes: int = 10, years: int = 30, seed: int = 11) -> None:
    rng = random.Random(seed)
    base = datetime(1990, 1, 1)
    span_days = years * 365
    now = datetime(2026, 1, 1)
    art_rows, ev_rows, cit_rows = [], [], []
    for a in range(1, articles + 1):
        text = " ".join(f"On day {a}-{k}, {rng.choice(WORDS).lower()} near "
                        f"{rng.choice(PLACES)} was reported." for k in range(40))
        art_rows.append({"id": a, "title": f"Report {a} from {rng.choice(PLACES)}",
                         "outlet": rng.choice(("Wire", "Daily", "Herald")), "text": text,
                         "published": (base + timedelta(days=rng.randrange(span_days))).date(),
                         "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                         "source_file": f"report-{a}.txt", "source_format": "txt",
                         "language": "en", "imported_at": now})
    for i in range(1, events + pending + 1):
        day = base + timedelta(days=rng.randrange(span_days))
        month = rng.random() < 0.15
        lo = day.replace(day=1) if month else day
        hi = (lo + timedelta(days=32)).replace(day=1) - timedelta(minutes=1) if month else \
            day + timedelta(hours=23, minutes=59)
        title = f"{rng.choice(WORDS)} near {rng.choice(PLACES)} ({i})"
        status = "accepted" if i <= events else "suggested"
        ev_rows.append({"id": i, "title": title, "description": f"{title}, the report said.",
                        "notes": "", "start_earliest": lo, "start_latest": hi,
                        "start_precision": "month" if month else "day", "start_qualifier": None,
                        "lane_id": (i % lanes) + 1 if status == "accepted" else None,
                        "status": status, "confidence": 0.6 + rng.random() * 0.4,
                        "conflict": False, "created": now, "modified": now, "version": 1,
                        "signature": signature(title)})
        a = rng.randrange(1, articles + 1)
        cit_rows.append({"event_id": i, "article_id": a, "start": 0, "end": 40,
                         "quote": f"{title}, the report said.", "value": lo.date().isoformat(),
                         "needs_reference": False,
                         "origin": "suggested" if status == "suggested" else "manual"})
    with ws.session() as s:
        s.execute(insert(Lane), [{"id": k, "name": f"Lane {k}", "position": k - 1,
                                  "collapsed": False} for k in range(1, lanes + 1)])
        s.execute(insert(Article), art_rows)
        s.execute(insert(Event), ev_rows)
        s.execute(insert(Citation), cit_rows)
