"""Generated news-like articles for benchmarks: varied, partly dated, about 5 KB each.

Roughly one sentence in four carries a date, as in the seed articles; the rest
is varied filler so that unrelated reports do not look alike to the matcher.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

PLACES = ["Idlib", "Aleppo", "Hama", "Latakia", "Afrin", "Azaz", "Saraqeb", "Kafr Nabl", "Ariha",
          "Jisr al-Shughur", "Maarat al-Nouman", "Khan Shaykhun", "Atarib", "Darkush", "Sarmada"]
ACTORS = ["government forces", "rebel factions", "the White Helmets", "local activists",
          "Turkish troops", "Russian jets", "the local council", "residents", "aid agencies",
          "a monitoring group", "militia fighters", "the health directorate", "UN officials"]
VERBS = ["shelled", "reported on", "attacked", "protested near", "entered", "evacuated",
         "bombed", "surrounded", "negotiated over", "reopened the road to", "inspected",
         "delivered food to", "withdrew from", "set up checkpoints around", "documented damage in"]
NOUNS = ["bakery", "hospital", "school", "market", "water station", "checkpoint", "camp",
         "bridge", "mosque", "power line", "warehouse", "clinic", "crossing", "convoy"]
ADJ = ["damaged", "crowded", "abandoned", "rebuilt", "contested", "makeshift", "main", "northern"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _filler(rng: random.Random) -> str:
    return (
        f"The {rng.choice(ADJ)} {rng.choice(NOUNS)} in {rng.choice(PLACES)} "
        f"{rng.choice(['remained', 'was described as', 'appeared', 'stayed'])} "
        f"{rng.choice(ADJ)}, and {rng.choice(ACTORS)} {rng.choice(VERBS)} "
        f"the {rng.choice(NOUNS)} near {rng.choice(PLACES)} with {rng.randrange(2, 900)} "
        f"{rng.choice(['families', 'trucks', 'volunteers', 'patients', 'tents'])}."
    )


def _dated(rng: random.Random, published: date) -> str:
    when = published - timedelta(days=rng.randrange(1, 60))
    phrase = rng.choice(
        [f"on {rng.choice(WEEKDAYS)}", f"on {when.strftime('%B')} {when.day}",
         f"in {when.year - rng.randrange(0, 8)}", "in recent weeks", f"on {when:%d %B %Y}"]
    )
    return (
        f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} the {rng.choice(NOUNS)} "
        f"in {rng.choice(PLACES)} {phrase}, leaving {rng.randrange(2, 40)} "
        f"{rng.choice(['people', 'children', 'fighters', 'workers'])} "
        f"{rng.choice(['dead', 'wounded', 'displaced', 'missing'])}."
    )


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
        paragraph = [
            _dated(rng, published) if rng.random() < 0.25 else _filler(rng)
            for _ in range(rng.randrange(2, 5))
        ]
        lines += [" ".join(paragraph), ""]
    return "\n".join(lines)
