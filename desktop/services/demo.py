"""The sample workspace: the seed articles, their events accepted and sorted into lanes.

First run offers it and `chronologue demo` exports it, so the product's main job can
be seen end to end without any of the user's own material. Lanes come from a few
keyword themes: good enough to show lanes and a legend, and easy to re-sort by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.ingest import apply_manifest, read_manifest, read_path
from desktop.services.editing import CitationSpec, create_event, ensure_lane
from desktop.services.interchange import content_digest
from desktop.store import Article, Event, Workspace
from desktop.temporal import FuzzyDate, Precision, Qualifier, parse_timex

THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Protests", ("protest", "demonstrat", "rally", "rallies", "took to the streets",
                  "gathered after")),
    ("Military", ("shell", "air raid", "bombard", "missile", "killed", "opened fire", "attack",
                  "offensive", "saboteur", "burned", "war ", "war,", "fighters")),
    ("Diplomacy", ("summit", "talks", "meeting", "minister", "diplomat", "agreement",
                   "hosted", "press conference", "counterpart", "ceasefire")),
)  # fmt: skip
OTHER = "Background"


@dataclass
class DemoReport:
    articles: int
    events: int
    accepted: int


def default_seeds_dir() -> Path | None:
    """The `seeds/` folder beside the package (a source checkout or the bundle)."""
    here = Path(__file__).resolve().parents[2] / "seeds"
    return here if here.is_dir() else None


def theme_of(text: str) -> str:
    """The first theme any of whose keywords the text contains, else Background."""
    low = text.lower()
    for name, words in THEMES:
        if any(w in low for w in words):
            return name
    return OTHER


def build_demo(ws: Workspace, seeds_dir: Path) -> DemoReport:
    """Import the seeds with suggestions, accept them all, and sort them into lanes."""
    from desktop.services.importing import import_paths  # needs the tagger: import late
    from desktop.services.review import set_status

    report = import_paths(ws, [seeds_dir])
    with ws.session() as session:
        ids = list(session.scalars(select(Event.id).where(Event.status == "suggested")))
    set_status(ws, ids, "accepted")
    assign_lanes(ws)
    with ws.session() as session:
        events = len(session.scalars(select(Event.id)).all())
    return DemoReport(report.count("imported"), events, len(ids))


def assign_lanes(ws: Workspace) -> None:
    """Put every event without a lane into its theme's lane (lanes created in theme order)."""
    lane_ids = {name: ensure_lane(ws, name) for name, _ in THEMES}
    lane_ids[OTHER] = ensure_lane(ws, OTHER)
    with ws.session() as session:
        for event in session.scalars(select(Event).where(Event.lane_id.is_(None))):
            text = " ".join([event.title, event.description] + [c.quote for c in event.citations])
            event.lane_id = lane_ids[theme_of(text)]


def store_seed_articles(ws: Workspace, seeds_dir: Path) -> dict[str, int]:
    """Store the seed articles without extracting anything; returns file name -> id.

    For building workspaces from reference events (tests, benchmarks) independently of
    the tagger.
    """
    manifest = read_manifest(seeds_dir) if (seeds_dir / "articles.csv").exists() else {}
    ids = {}
    with ws.session() as session:
        for path in sorted(seeds_dir.glob("*.txt")):
            draft = read_path(path)
            if path.name in manifest:
                draft = apply_manifest(draft, manifest[path.name])
            digest = content_digest(draft.text)
            found = session.scalar(select(Article).where(Article.content_hash == digest))
            if found is None:
                found = Article(
                    title=draft.title, outlet=draft.outlet, url=draft.url, author=draft.author,
                    published=draft.published, text=draft.text, content_hash=digest,
                    source_file=path.name, source_format=draft.source_format,
                    language=draft.language or "en",
                )
                session.add(found)
                session.flush()
            ids[path.name] = found.id
    return ids


def seed_reference(ws: Workspace, seeds_dir: Path, reference: dict[str, Any]) -> int:
    """Articles plus hand-checked events (the gold file's format), accepted, in lanes."""
    ids = store_seed_articles(ws, seeds_dir)
    count = 0
    for article in reference["articles"]:
        article_id = ids[article["file"]]
        for ev in article["events"]:
            precision, when = parse_timex(ev["date"])
            qualifier = Qualifier(ev["qualifier"]) if ev.get("qualifier") else None
            start = FuzzyDate.of(Precision(precision), when, qualifier)
            spec = CitationSpec(article_id, ev["start"], ev["end"], ev["quote"],
                                value=ev["date"], origin="manual")  # fmt: skip
            create_event(ws, short_title(ev["quote"]), start, description=ev["quote"],
                         status="accepted", citation=spec)  # fmt: skip
            count += 1
    assign_lanes(ws)
    return count


def short_title(sentence: str, limit: int = 72) -> str:
    """The sentence cut at a word boundary, capitalised, without a trailing stop."""
    text = " ".join(sentence.split()).rstrip(".")
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text[:1].upper() + text[1:]
