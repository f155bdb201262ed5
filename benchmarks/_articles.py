"""Generated news-like articles for benchmarks: varied, dated, about 5 KB each."""

from __future__ import annotations

import random
from datetime import date, timedelta

PLACES = ["Idlib", "Aleppo", "Hama", "Latakia", "Afrin", "Azaz", "Saraqeb", "Kafr Nabl", "Ariha"]
ACTORS = ["government forces", "rebel factions", "the White Helmets", "local activists",
          "Turkish troops", "Russian jets", "the council", "residents", "aid agencies"]
VERBS = ["shelled", "reported", "attacked", "protested near", "entered", "evacuated",
         "bombed", "surrounded", "negotiated over", "reopened the road to"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(index: int, rng: random.Random, size: int = 5000) -> str:
    published = date(2011, 1, 1) + timedelta(days=rng.randrange(4000))
    lines = [
        f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(PLACES)} "
        f"(report {index})",
        "",
        published.strftime("%d %b, %Y"),
        "",
    ]
    while sum(len(line) + 1 for line in lines) < size:
        when = published - timedelta(days=rng.randrange(1, 60))
        choice = rng.randrange(4)
        if choice == 0:
            phrase = f"on {rng.choice(WEEKDAYS)}"
        elif choice == 1:
            phrase = f"on {when.strftime('%B')} {when.day}"
        elif choice == 2:
            phrase = f"in {when.year}"
        else:
            phrase = "in recent weeks"
        lines.append(
            f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(PLACES)} "
            f"{phrase}, killing {rng.randrange(2, 40)} people, according to sources in "
            f"{rng.choice(PLACES)} who spoke to reporters about item {rng.randrange(10**6)}."
        )
    return "\n".join(lines) + "\n"
