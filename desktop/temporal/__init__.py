"""temporal layer: fuzzy dates (a period, a precision, a qualifier), parsing, formatting."""

from desktop.temporal.fuzzy import MAX_YEAR, MIN_YEAR, FuzzyDate, Precision, Qualifier
from desktop.temporal.parse import parse_human
from desktop.temporal.span import parse_span
from desktop.temporal.timex import parse_timex

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "FuzzyDate",
    "Precision",
    "Qualifier",
    "parse_human",
    "parse_span",
    "parse_timex",
]
