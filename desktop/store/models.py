"""The workspace schema: articles, events, their citations, lanes, tags, timelines,
and the actors and places events are about.

Fuzzy dates are stored as four columns (earliest, latest, precision, qualifier) so
that range queries and sorting work in SQL without parsing anything.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from desktop.store.urls import safe_url


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


event_tags = Table(
    "event_tags",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)

# Who and where: an event's actors (with their part in it: subject, object, or "" when
# nobody said) and places, in the order they were named.
event_actors = Table(
    "event_actors",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(16), nullable=False, default=""),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_event_actors_actor", "actor_id"),
)
event_places = Table(
    "event_places",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("place_id", ForeignKey("places.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_event_places_place", "place_id"),
)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str | None] = mapped_column(String(500))
    outlet: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2000))
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source_file: Mapped[str | None] = mapped_column(String(500))
    source_format: Mapped[str] = mapped_column(String(16), default="txt")
    language: Mapped[str] = mapped_column(String(16), default="en")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    extraction_error: Mapped[str | None] = mapped_column(Text)

    citations: Mapped[list[Citation]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )

    @validates("url")
    def _only_web_links(self, _key: str, url: str | None) -> str | None:
        """Only http(s) and mailto links are stored (see desktop.store.urls)."""
        return safe_url(url)


class Lane(Base):
    __tablename__ = "lanes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    color: Mapped[str | None] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    collapsed: Mapped[bool] = mapped_column(Boolean, default=False)
    height: Mapped[int | None] = mapped_column(Integer)  # px on the timeline; NULL: automatic


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


CYCLE_DAYS = 146097  # days in 400 Gregorian years (temporal.fuzzy.CYCLE_DAYS)
_EPOCH_ORDINAL = 719163  # datetime(1970, 1, 1).toordinal()


def start_key_of(earliest: datetime | None, cycles: int = 0) -> int | None:
    """The true start of an event in minutes since 1970 (any era), its sort key."""
    if earliest is None:
        return None
    days = earliest.toordinal() - _EPOCH_ORDINAL - int(cycles or 0) * CYCLE_DAYS
    return days * 1440 + earliest.hour * 60 + earliest.minute


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_start", "start_earliest"),
        Index("ix_events_status", "status"),
        Index("ix_events_precision_start", "start_precision", "start_earliest"),
        Index("ix_events_start_key", "start_key", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    start_earliest: Mapped[datetime] = mapped_column(DateTime)
    start_latest: Mapped[datetime] = mapped_column(DateTime)
    start_precision: Mapped[str] = mapped_column(String(16))
    start_qualifier: Mapped[str | None] = mapped_column(String(16))
    end_earliest: Mapped[datetime | None] = mapped_column(DateTime)
    end_latest: Mapped[datetime | None] = mapped_column(DateTime)
    end_precision: Mapped[str | None] = mapped_column(String(16))
    end_qualifier: Mapped[str | None] = mapped_column(String(16))
    # Deep time (see temporal.fuzzy): a date before year 1 keeps its datetimes on the
    # calendar `cycles` x 400 years later; start_key is the true start in minutes since
    # 1970, what every list sorts by so 44 BCE comes before 2018 in any era.
    start_cycles: Mapped[int] = mapped_column(Integer, nullable=False, default=0,
                                              server_default="0")
    end_cycles: Mapped[int | None] = mapped_column(Integer)
    start_key: Mapped[int | None] = mapped_column(BigInteger, default=lambda ctx: start_key_of(
        ctx.get_current_parameters().get("start_earliest"),
        ctx.get_current_parameters().get("start_cycles") or 0))
    lane_id: Mapped[int | None] = mapped_column(ForeignKey("lanes.id", ondelete="SET NULL"))
    color: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="suggested")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    signature: Mapped[str | None] = mapped_column(Text)

    lane: Mapped[Lane | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=event_tags)
    citations: Mapped[list[Citation]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Citation.id",
    )

    # Optimistic locking: an edit based on a stale copy fails instead of overwriting.
    __mapper_args__ = {"version_id_col": version}


class Citation(Base):
    __tablename__ = "citations"
    __table_args__ = (
        Index("ix_citations_event", "event_id"),
        Index("ix_citations_article_span", "article_id", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    date_phrase: Mapped[str | None] = mapped_column(String(200))
    phrase_start: Mapped[int | None] = mapped_column(Integer)
    phrase_end: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(String(40), default="")
    needs_reference: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str] = mapped_column(String(16), default="suggested")
    # How the extractor dated this report: "phrase" (a date attached to its verb),
    # "continuation" (the date the text last set) or "publication" (the article's date);
    # None for citations a person made.
    anchor: Mapped[str | None] = mapped_column(String(16))
    anchor_confidence: Mapped[float | None] = mapped_column(Float)

    event: Mapped[Event] = relationship(back_populates="citations")
    article: Mapped[Article] = relationship(back_populates="citations")


class Timeline(Base):
    __tablename__ = "timelines"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    settings: Mapped[dict] = mapped_column(JSON, default=dict)


class Actor(Base):
    """A person, organisation, group or state; `aliases` are the other names it goes by
    (what merging two actors keeps), so "HTS" finds "Hay'at Tahrir al-Sham"."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="")  # person, organisation, group, state
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")


class Place(Base):
    """A named location; country (ISO 3166 alpha-2) and coordinates when known."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    country: Mapped[str | None] = mapped_column(String(8))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")
