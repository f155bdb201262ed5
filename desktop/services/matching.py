"""Recognising the same happening reported by another article.

Only events cited by *other* articles are candidates: two sentences of one article
are two statements, and merging them would hide one from the analyst. Two reports are
one happening when their anchored dates agree at the same precision and they share
the evidence a reader would use: named actors and places, figures ("killed 10" is not
"killed 2"), the event verb and the words of the title. Two reports that each carry
their own, different date are never merged, however alike their words (a wire
service's stock lede repeated on three days is three happenings); a conflict is a
report dated only by its article that strongly matches one dated otherwise. Candidates
share the suggestion's precision and lie near it in time, and share one of its names or
figures (nothing else can score), so a lookup touches a few rows however large the
workspace grows: an import keeps the events near its articles' dates in a
`CandidateCache`, indexed by those keys and kept exact through the change log.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from desktop.extract import Suggestion
from desktop.extract.dated_nouns import is_event_noun
from desktop.store.changes import changes_since, workspace_revision

MERGE_SCORE = 0.5  # compatible dates: shared actors, figures, verb and words
CONFLICT_SCORE = 0.9  # incompatible dates: the same actors, figures, verb and wording
CONFLICT_WINDOW = timedelta(days=31)

_WORD = re.compile(r"[^\W\d_]{3,}|\d[\d,.]*")
_STOP = frozenset(
    """the and for that with from this have has had was were are been will would said says
    told also but not its their they them there than then into over after before during
    while which who whom what when where about against between more most some such other
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday week month year
    earlier later last next previous following according""".split()
)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP)


def signature(text: str) -> str:
    return " ".join(sorted(content_words(text)))


def happening_signature(item: Suggestion) -> str:
    """What matching compares, kept beside the event: the sentence's words, @names,
    #figures, !verb and %how-dated (old signatures are plain words and still compare)."""
    names = {w.lower() for n in item.names for w in _WORD.findall(n) if not w[0].isdigit()}
    tokens = set(content_words(item.title)) | content_words(item.description)
    tokens |= {f"@{n}" for n in names} | {f"#{n}" for n in item.numbers}
    if item.verb:
        tokens.add(f"!{item.verb}")
    tokens.add(f"%{item.anchor}")
    return " ".join(sorted(tokens))


@lru_cache(maxsize=65_536)
def _parts(sig: str) -> tuple[frozenset, frozenset, frozenset, str, str]:
    # Cached: during an import every stored candidate's signature is compared with
    # dozens of new suggestions, and parsing it each time was a quarter of storing.
    words, names, numbers, verb, anchor = set(), set(), set(), "", "phrase"
    for token in sig.split():
        head = token[0]
        if head == "@":
            names.add(token[1:])
        elif head == "#":
            numbers.add(token[1:])
        elif head == "!":
            verb = token[1:]
        elif head == "%":
            anchor = token[1:]
        else:
            words.add(token)
    return frozenset(words), frozenset(names), frozenset(numbers), verb, anchor


def evidence(a: str, b: str) -> tuple[float, bool, bool]:
    """(score, strong, both dated by their own phrase) for two happening signatures."""
    wa, na, fa, va, aa = _parts(a)
    wb, nb, fb, vb, ab = _parts(b)
    if fa and fb and not fa & fb:
        return 0.0, False, False  # different figures: different happenings
    union = wa | wb
    jac = len(wa & wb) / len(union) if union else 0.0
    names = len(na & nb)
    same_verb = bool(va) and (va == vb or _names_the_other(va, wb) or _names_the_other(vb, wa))
    figures = bool(fa & fb)
    score = jac + 0.15 * min(names, 3) + 0.2 * same_verb + 0.2 * figures
    if not (names or figures) or not (same_verb or jac >= 0.25):
        return 0.0, False, False
    strong = names > 0 and figures and same_verb
    return score, strong, aa == "phrase" and ab == "phrase"


def _names_the_other(verb: str, words: frozenset[str]) -> bool:
    """ "The earthquake in Meridan" (named by "Sunday's earthquake") and "A magnitude 6.1
    earthquake struck Meridan": the noun stands for the other report's verb."""
    return bool(verb) and verb in words and is_event_noun(verb)


def _sql_time(when: datetime) -> str:
    """The text form SQLAlchemy stores DateTime columns in, so comparisons are exact."""
    return when.isoformat(sep=" ", timespec="microseconds")


def _same(when: datetime) -> datetime:
    return when


def _as_stored(conn: Connection):  # noqa: ANN202 - datetime -> the driver's column value
    # SQLite hands back DateTime columns as text, PostgreSQL as datetimes: compare alike.
    return _sql_time if conn.dialect.name == "sqlite" else _same


@dataclass(frozen=True)
class Probe:
    """What matching needs of one suggestion, computed without a database (in the import's
    worker processes): its signature, the window candidates' starts must lie in, its own
    bounds, and the index keys of the candidates that can score at all (see `_lookup`)."""

    signature: str
    precision: str
    low: datetime
    high: datetime
    earliest: datetime
    latest: datetime
    shortly: bool
    keys: frozenset[str]
    # A BCE start's 400-year cycles (fuzzy.py): its bounds are on the calendar that many
    # cycles later, so only starts with the same cycles are compared with them.
    cycles: int = 0


def probe(item: Suggestion) -> Probe:
    when = item.fuzzy
    sig = happening_signature(item)
    keys = _lookup(sig)
    try:
        low = when.earliest - CONFLICT_WINDOW - (when.latest - when.earliest)
        high = when.latest + CONFLICT_WINDOW
    except OverflowError:  # a date at the calendar's edge: nothing is stored near it
        low, high, keys = when.earliest, when.latest, frozenset()
    return Probe(sig, str(when.precision), low, high, when.earliest, when.latest,
                 str(when.qualifier) == "shortly before", keys, when.cycles)  # fmt: skip


def _lookup(sig: str) -> frozenset[str]:
    """Where a suggestion looks in the index. Evidence needs a shared name or figure, and
    two sets of figures that do not meet rule a match out: with figures, only candidates
    sharing one, or naming a shared name and carrying no figures ("=@name"), can score."""
    names = [t for t in sig.split() if t[0] == "@"]
    figures = [t for t in sig.split() if t[0] == "#"]
    if figures:
        return frozenset(figures + ["=" + n for n in names])
    return frozenset(names)


def _filed(sig: str) -> frozenset[str]:
    """Where a stored event is filed in the index: its names and figures, and its names
    again as "=@name" when it carries no figures (the counterpart of `_lookup`)."""
    keys = [t for t in sig.split() if t[0] in "@#"]
    if not any(k[0] == "#" for k in keys):
        keys += ["=" + k for k in keys]
    return frozenset(keys)


# (start_earliest, id, start_latest, start_qualifier, signature) as the driver returns them
Row = tuple


def _choose(mine: Probe, rows: Iterable[Row], exclude: Collection[int], lo, hi) -> int | None:  # noqa: ANN001
    """The best-scoring candidate among ``rows`` (in start, id order: the first wins a tie)."""
    best: tuple[float, int] | None = None
    for earliest, event_id, latest, qualifier, sig in rows:
        if event_id in exclude:
            continue
        score, strong, both_own = evidence(mine.signature, sig)
        if score <= 0:
            continue
        if mine.shortly and qualifier == "shortly before":
            compatible = latest == hi  # two articles' own days: the same day or not at all
        else:
            compatible = earliest <= hi and latest >= lo
        if compatible:
            needed = MERGE_SCORE
        elif both_own or not strong:
            continue  # each report dates itself, and differently: two happenings
        else:
            needed = CONFLICT_SCORE
        if score >= needed and (best is None or score > best[0]):
            best = (score, event_id)
    return best[1] if best else None


_CANDIDATES = (
    "SELECT start_earliest, id, start_latest, start_qualifier, signature, title FROM events "
    "WHERE start_precision = ? AND start_cycles = ? AND start_earliest BETWEEN ? AND ? "
    "AND status != 'rejected'"
)


def _driver_sql(conn: Connection, sql: str, params: tuple):  # noqa: ANN202
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    return conn.exec_driver_sql(sql, params)


def find_same_happening(
    session: Session,
    item: Suggestion,
    exclude: Collection[int] = (),
    *,
    article_id: int | None = None,
    max_event_id: int | None = None,
) -> int | None:
    """Id of the event this suggestion reports again (possibly with a conflicting date).

    The plain form, one scan of the window per suggestion: what `CandidateCache` must
    agree with (the tests compare them). ``article_id`` and ``max_event_id`` keep an
    article's own events out (cited by it, or created after ``max_event_id``).
    """
    mine = probe(item)
    conn = session.connection()
    as_sql = _as_stored(conn)
    sql = _CANDIDATES
    params: tuple = (mine.precision, mine.cycles, as_sql(mine.low), as_sql(mine.high))
    if max_event_id is not None:
        sql += " AND id <= ?"
        params += (max_event_id,)
    if article_id is not None:
        sql += " AND id NOT IN (SELECT event_id FROM citations WHERE article_id = ?)"
        params += (article_id,)
    rows = _driver_sql(conn, sql + " ORDER BY start_earliest, id", params)
    full = ((e, i, la, q, s if s is not None else signature(t)) for e, i, la, q, s, t in rows)
    return _choose(mine, full, exclude, as_sql(mine.earliest), as_sql(mine.latest))


_MONTHLY = frozenset({"day", "minute", "week"})  # fine dates: a bucket is a month
_LOAD = _CANDIDATES.replace("BETWEEN ? AND ?", ">= ? AND start_earliest < ?")
_BY_ID = ("SELECT start_earliest, id, start_latest, start_qualifier, signature, start_precision, "
          "start_cycles FROM events WHERE status != 'rejected' AND id IN ({})")
_CHUNK = 500  # ids per IN list: well under every driver's parameter limit
# The log row of an article's insert (the latest: a deleted article's id can come back),
# where an import's transaction's own rows begin, and how many actor or place rows other
# writers logged between the cache's revision and it.
_WRITING = ("SELECT s.first, (SELECT count(*) FROM changes WHERE seq > ? AND seq < s.first "
            "AND kind || '' IN ('actor', 'place')) FROM (SELECT max(seq) AS first FROM "
            "changes WHERE kind = 'article' AND entity_id = ? AND op = 'insert') s")
_NEVER = 2**62  # a revision past any: nothing to count


def _bucket(precision: str, when: datetime | str) -> int:
    """Month (fine precisions) or year number of a start, from a datetime or SQLite's text."""
    if isinstance(when, str):
        year, month = int(when[:4]), int(when[5:7])
    else:
        year, month = when.year, when.month
    return year * 12 + month - 1 if precision in _MONTHLY else year


def _bucket_start(precision: str, bucket: int) -> datetime:
    year, month = divmod(bucket, 12) if precision in _MONTHLY else (bucket, 0)
    if year > 9999:
        return datetime.max
    return datetime(max(year, 1), month + 1, 1)


class CandidateCache:
    """The stored events an import compares its suggestions with, in memory.

    Loaded by precision and month (or year) as the articles' dates need them, indexed by
    the names and figures a match must share, and brought up to date before every file
    from the change log (what this import and every other writer changed), so a match is
    the one the plain scan would find, at a fraction of the reads.
    """

    LIMIT = 200_000  # cached events; beyond that the cache starts again (bounded memory)

    def __init__(self) -> None:
        self.revision: int | None = None
        # (precision, cycles, bucket) -> key -> event id -> row
        self.buckets: dict[tuple[str, int, int], dict[str, dict[int, Row]]] = {}
        self.where: dict[int, tuple[tuple[str, int, int], frozenset[str]]] = {}
        # Spans of revisions (low, high] this import wrote and put in here itself (see
        # `stored`): the next sync does not read them back.
        self.own: list[tuple[int, int]] = []
        # entities.name_index per kind, for the import's links: kept while no other
        # writer changes that kind (its own new names are added as it creates them)
        self.names: dict[str, dict[str, int]] = {}
        self._first: int | None = None  # the log row where the transaction's own begin

    def clear(self) -> None:
        """Forget everything (after a failed transaction: its own writes are gone)."""
        self.buckets.clear()
        self.where.clear()
        self.own.clear()
        self.names.clear()

    def sync(self, conn: Connection) -> None:
        """Forget and re-read the events changed since the last sync."""
        if self.revision is None or not self.buckets:
            self.clear()
            self.revision = workspace_revision(conn)
            return
        # every kind: outside the import's own spans only other writers' few rows remain
        changes = changes_since(conn, self.revision, skip=self.own)
        self.revision = changes.revision
        self.own.clear()
        if changes.reset or len(self.where) > self.LIMIT:
            self.clear()
            return
        for kind in [kind for kind in self.names if changes.of(kind)]:
            del self.names[kind]  # renamed, merged, deleted elsewhere: read it again
        touched = sorted(changes.events.touched)
        for event_id in touched:
            self._drop(event_id)
        for at in range(0, len(touched), _CHUNK):
            ids = touched[at:at + _CHUNK]
            sql = _BY_ID.format(", ".join("?" * len(ids)))
            for *row, precision, cycles in _driver_sql(conn, sql, tuple(ids)):
                place = (precision, int(cycles or 0), _bucket(precision, row[0]))
                if place in self.buckets:
                    self._add(place, tuple(row))

    def writing(self, conn: Connection, article_id: int) -> dict[str, dict[str, int]]:
        """The caller's transaction has just inserted article ``article_id``: from then on
        it holds the write lock (SQLite's, PostgreSQL's change-log lock), so every log row
        after that insert is its own (see `stored`). Returns the import's name indexes
        for its links (`names`), without a kind another writer changed since the sync."""
        since = self.revision if self.names and self.revision is not None else _NEVER
        self._first, others = _driver_sql(conn, _WRITING, (since, article_id)).one()
        if others:
            self.names.clear()
        return self.names

    def stored(self, conn: Connection,
               events: Iterable[tuple[str, int, datetime, int, datetime, str | None, str]],
               ) -> None:  # fmt: skip
        """What the transaction wrote since `writing`: its new events, as (precision,
        cycles, earliest, id, latest, qualifier, signature). They go in as a read would
        bring them, and the next sync skips its log rows instead of reading back each
        article's own events (its merges change no column compared) and entity links.
        A transaction that then fails must `clear` the cache."""
        first, self._first = self._first, None
        last = workspace_revision(conn)
        as_sql = _as_stored(conn)
        for precision, cycles, earliest, event_id, latest, qualifier, sig in events:
            row = (as_sql(earliest), event_id, as_sql(latest), qualifier, sig)
            place = (precision, int(cycles or 0), _bucket(precision, row[0]))
            self._drop(event_id)
            if place in self.buckets:
                self._add(place, row)
        if first is not None:
            self.own.append((int(first) - 1, int(last)))

    def load(self, conn: Connection, probes: Sequence[Probe]) -> None:
        """Read the buckets these suggestions' windows need and are not cached yet."""
        missing: dict[tuple[str, int], set[int]] = {}
        for mine in probes:
            if not mine.keys:
                continue
            for bucket in self._span(mine):
                if (mine.precision, mine.cycles, bucket) not in self.buckets:
                    missing.setdefault((mine.precision, mine.cycles), set()).add(bucket)
        as_sql = _as_stored(conn)
        for (precision, cycles), buckets in missing.items():
            for first, last in _runs(sorted(buckets)):
                for bucket in range(first, last + 1):
                    self.buckets[(precision, cycles, bucket)] = {}
                params = (precision, cycles, as_sql(_bucket_start(precision, first)),
                          as_sql(_bucket_start(precision, last + 1)))  # fmt: skip
                for *row, _title in _driver_sql(conn, _LOAD, params):
                    self._add((precision, cycles, _bucket(precision, row[0])), tuple(row))

    def match(self, mine: Probe, exclude: Collection[int], as_sql) -> int | None:  # noqa: ANN001
        """The event ``mine`` reports again, among the cached ones (load them first)."""
        if not mine.keys:
            return None
        low, high = as_sql(mine.low), as_sql(mine.high)
        found: dict[int, Row] = {}
        for bucket in self._span(mine):
            index = self.buckets.get((mine.precision, mine.cycles, bucket), {})
            for key in mine.keys:
                found.update(index.get(key, {}))
        rows = sorted(r for r in found.values() if low <= r[0] <= high)
        return _choose(mine, rows, exclude, as_sql(mine.earliest), as_sql(mine.latest))

    def _span(self, mine: Probe) -> range:
        return range(_bucket(mine.precision, mine.low), _bucket(mine.precision, mine.high) + 1)

    def _add(self, place: tuple[str, int, int], row: Row) -> None:
        keys = _filed(row[4] or "")
        if not keys:  # no names, no figures (an old signature, say): it can never match
            return
        index = self.buckets[place]
        for key in keys:
            index.setdefault(key, {})[row[1]] = row
        self.where[row[1]] = (place, keys)

    def _drop(self, event_id: int) -> None:
        found = self.where.pop(event_id, None)
        if found is None:
            return
        place, keys = found
        index = self.buckets.get(place, {})
        for key in keys:
            index.get(key, {}).pop(event_id, None)


def _runs(values: list[int]) -> Iterable[tuple[int, int]]:
    """Consecutive runs of sorted integers as (first, last): one query per run."""
    start = prev = values[0]
    for value in values[1:]:
        if value != prev + 1:
            yield start, prev
            start = value
        prev = value
    yield start, prev


def match_all(
    session: Session,
    probes: Sequence[Probe],
    exclude: Collection[int] = (),
    cache: CandidateCache | None = None,
) -> list[int | None]:
    """The event each suggestion reports again, in order: a stored event matched by one
    suggestion is no candidate for the next (two sentences of one article are two
    statements). A few reads for the whole article; pass an import's cache to keep it."""
    cache = cache if cache is not None else CandidateCache()
    conn = session.connection()
    cache.sync(conn)
    cache.load(conn, probes)
    as_sql = _as_stored(conn)
    taken = set(exclude)
    found: list[int | None] = []
    for mine in probes:
        match = cache.match(mine, taken, as_sql)
        if match is not None:
            taken.add(match)
        found.append(match)
    return found
