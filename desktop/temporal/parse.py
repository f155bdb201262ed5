"""Reading a fuzzy date typed by a person ("early Sep 2018", "c. 2016", "07/09/2018").

The date editor accepts what FuzzyDate.human() prints plus the usual ways people write
dates, numeric ones in the day/month order the user chose; anything else raises
ValueError with a reason the UI can show as is. Ranges are in temporal.span.
"""

from __future__ import annotations

import re
from datetime import datetime

from desktop.temporal.fuzzy import MAX_YEAR, MIN_YEAR, FuzzyDate, Precision, Qualifier
from desktop.temporal.timex import parse_timex

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{1,4})"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hh>\d{1,2}):(?P<mm>\d{2}))?"
_SEASON = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_QUALIFIER = re.compile(
    r"^(?:(?P<circa>c\.|ca\.|circa|about|around|approx\.?|approximately)"
    r"|(?P<early>early|beginning of|start of)|(?P<mid>mid|middle of)"
    r"|(?P<late>late|end of)|(?P<shortly>on or shortly before|shortly before|by)"
    r"|(?P<before>before)|(?P<after>after))(?:\s*-\s*|\s+|(?<=\.))"
)
_FORMS: tuple[tuple[Precision, re.Pattern[str]], ...] = tuple(
    (precision, re.compile(pattern))
    for precision, pattern in (
        (Precision.DAY, rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME}"),
        (Precision.DAY, rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}"),
        (Precision.MONTH, rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}"),
        (Precision.WEEK, r"(?:week|wk\.?)\s+(?P<week>\d{1,2}),?\s+(?:of\s+)?(?P<year>\d{1,4})"),
        (Precision.QUARTER, r"q(?P<q>[1-4])\s+(?P<year>\d{1,4})"),
        (
            Precision.SEASON,
            r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
            r"(?P<year>\d{1,4})",
        ),
        (Precision.DECADE, r"(?:the\s+)?(?P<decade>\d{1,3}0)'?s"),
        (Precision.CENTURY, r"(?:the\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)\s+century"),
        (Precision.YEAR, r"(?:the\s+year\s+)?(?P<year>\d{1,4})(?:\s*(?:ad|ce))?"),
    )
)
_BCE = re.compile(r"(?:\d|\d'?s|century)\s*(?:b\.?\s?c\.?(?:\s?e\.?)?)\s*$", re.IGNORECASE)
_BCE_MARK = re.compile(r"(?:(?<=\d)|(?<=s)|(?<=century))\s*b\.?\s?c(?:\.?\s?e)?\.?$")  # lowered
# "the 40s BC" (49-40 BCE), "5th century BCE" (500-401 BCE): counted back from year 1
_DECADE_BCE = re.compile(r"(?:the\s+)?(?P<decade>\d{0,4}0)'?s")
_CENTURY_BCE = re.compile(r"(?:the\s+)?(?P<cent>\d{1,3})(?:st|nd|rd|th)\s+century")
_ISO_DEEP = re.compile(r"-(\d{4,5})(?:-(\d{2})(?:-(\d{2}))?)?")
_HINT = ("write it like '14 Sep 2018', 'Sep 2018', 'early 2017', 'c. 2016', '2019?', "
         "'2018-09-14' or a range '3-5 Mar 2020'")
_NUMERIC = re.compile(
    rf"(?P<a>\d{{1,2}})(?P<sep>[/.\-])(?P<b>\d{{1,2}})(?P=sep)(?P<year>\d{{2,4}}){_TIME}"
)
_YMD = re.compile(rf"(?P<year>\d{{4}})(?P<sep>[/.])(?P<a>\d{{1,2}})(?P=sep)(?P<b>\d{{1,2}}){_TIME}")
_MONTH_YEAR = re.compile(r"(?P<a>\d{1,2})[/.](?P<year>\d{4})")
_UNSURE = re.compile(r"\s*(?:\(\?\)|\?)$")  # "2019?", "2019 (?)": the writer is unsure
_PREFIX = re.compile(r"^(?:(?:some\s?time|sometime)\s+)?(?:in|on|during)\s+(?=\S)")


def _build(precision: Precision, match: re.Match[str]) -> tuple[Precision, datetime]:
    groups = match.groupdict()
    if precision is Precision.DECADE:
        return precision, datetime(max(int(groups["decade"]), 1), 1, 1)
    if precision is Precision.CENTURY:
        number = int(groups["cent"])
        if number < 1:
            raise ValueError("there is no century 0")
        return precision, datetime(max((number - 1) * 100, 1), 1, 1)
    year = int(groups["year"])
    if year < 1:
        raise ValueError("there is no year 0")
    if precision is Precision.WEEK:
        from datetime import date

        monday = date.fromisocalendar(year, int(groups["week"]), 1)
        return precision, datetime.combine(monday, datetime.min.time())
    if precision is Precision.QUARTER:
        return precision, datetime(year, int(groups["q"]) * 3 - 2, 1)
    if precision is Precision.SEASON:
        first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[_SEASON[groups["season"]]]
        return precision, datetime(year, first, 1)
    if precision is Precision.YEAR:
        return precision, datetime(year, 1, 1)
    month = MONTHS[groups["mon"][:3]]
    if precision is Precision.MONTH:
        return precision, datetime(year, month, 1)
    day = int(groups["day"])
    if groups.get("hh"):
        return Precision.MINUTE, datetime(year, month, day, int(groups["hh"]), int(groups["mm"]))
    return precision, datetime(year, month, day)


def _moment(year: int, month: int, day: int, match: re.Match[str]) -> tuple[Precision, datetime]:
    if year < 1:
        raise ValueError("there is no year 0")
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {month}")
    if match.group("hh"):
        return Precision.MINUTE, datetime(year, month, day, int(match["hh"]), int(match["mm"]))
    return Precision.DAY, datetime(year, month, day)


def _numeric(text: str, dayfirst: bool) -> tuple[Precision, datetime] | None:
    """07/09/2018 in the chosen order (a part over 12 can only be the day), 2018/09/07, 09/2018."""
    match = _NUMERIC.fullmatch(text)
    if match:
        if len(match["year"]) < 3:
            raise ValueError("write the year in full (2018, not 18)")
        a, b = int(match["a"]), int(match["b"])
        day, month = (a, b) if dayfirst else (b, a)
        if month > 12 >= day:  # 25/12/2018 read month first: only one reading exists
            day, month = month, day
        return _moment(int(match["year"]), month, day, match)
    match = _YMD.fullmatch(text)
    if match:
        return _moment(int(match["year"]), int(match["a"]), int(match["b"]), match)
    match = _MONTH_YEAR.fullmatch(text)
    if match:
        month = int(match["a"])
        if not 1 <= month <= 12:
            raise ValueError(f"there is no month {month}")
        return Precision.MONTH, datetime(int(match["year"]), month, 1)
    return None


def _core(text: str, dayfirst: bool = False) -> tuple[Precision, datetime]:
    numeric = _numeric(text, dayfirst)
    if numeric is not None:
        return numeric
    try:
        return parse_timex(text.upper())
    except ValueError:
        pass
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[ t](\d{2}):(\d{2})(?::\d{2})?", text)
    if iso:
        return Precision.MINUTE, datetime(*map(int, iso.groups()))
    for precision, pattern in _FORMS:
        match = pattern.fullmatch(text)
        if match:
            return _build(precision, match)
    raise ValueError(f"cannot read {text!r} as a date: {_HINT}")


def _core_bce(text: str, qualifier: Qualifier | None, dayfirst: bool) -> FuzzyDate:
    """A date written with BC/BCE ("15 Mar 44", "c. 3000", "10000"): the last number is
    the year, counted back (44 BCE is astronomical -43); the rest is read as usual."""
    span = _DECADE_BCE.fullmatch(text) or _CENTURY_BCE.fullmatch(text)
    if span:
        if span.re is _DECADE_BCE:  # its earliest year: 49 BCE for the 40s BCE
            precision, first = Precision.DECADE, 1 - (int(span["decade"]) + 9)
        else:
            if int(span["cent"]) < 1:
                raise ValueError("there is no century 0")
            precision, first = Precision.CENTURY, 1 - int(span["cent"]) * 100
        return FuzzyDate.at_year(precision, first, qualifier=qualifier)
    years = list(re.finditer(r"\d{1,5}", text))
    if not years:
        raise ValueError("cannot read")
    number = int(years[-1].group())
    if number < 1:
        raise ValueError("there is no year 0 BCE (1 BCE is followed by 1 CE)")
    # a leap year of the same 400-year cycle stands in, so 29 Feb reaches the real check
    precision, when = _core(text[: years[-1].start()] + "2000" + text[years[-1].end() :],
                            dayfirst)  # fmt: skip
    if precision is Precision.WEEK:
        raise ValueError("a week BCE cannot be given by its ISO number (ISO weeks are not "
                         "used before year 1); give the day, the month or the year")
    return FuzzyDate.at_year(precision, 1 - number, when.month, when.day, when.hour,
                             when.minute, qualifier)  # fmt: skip


def _core_iso_deep(text: str, qualifier: Qualifier | None) -> FuzzyDate | None:
    """An ISO 8601 expanded year before 1 ("-0043-03-15": astronomical, 44 BCE)."""
    match = _ISO_DEEP.fullmatch(text)
    if not match:
        return None
    year, month, day = match.groups()
    precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
    return FuzzyDate.at_year(precision, -int(year), int(month or 1), int(day or 1),
                             qualifier=qualifier)  # fmt: skip


def parse_human(text: str, *, dayfirst: bool = False, bce: bool = False) -> FuzzyDate:
    """Parse a person's date ("early Sep 2018", "c. 2016", "2019?", "07/09/2018").

    ``dayfirst`` reads 07/09/2018 as 7 September (the Preferences' numeric date order).
    ``bce`` accepts dates before year 1 ("44 BC", "c. 3000 BCE", "-0043-03-15"), for
    callers whose path stores them (see FuzzyDate's note on deep time).
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"no date given: {_HINT}")
    deep = _BCE.search(text) or re.fullmatch(r"\s*-\d{1,5}(?:-\d{2}){0,2}\s*", text)
    if deep and bce:
        return _parse_deep(text, dayfirst)
    if deep:
        raise ValueError(
            f"{text.strip()!r} is before year 1: dates BCE cannot be stored yet "
            f"(years {MIN_YEAR} to {MAX_YEAR} can)"
        )
    return _parse(text, dayfirst, deep_text=False)


def _parse_deep(text: str, dayfirst: bool) -> FuzzyDate:
    return _parse(text, dayfirst, deep_text=True)


def _parse(text: str, dayfirst: bool, *, deep_text: bool) -> FuzzyDate:
    cleaned = re.sub(r"\s+", " ", text.strip().lower()).strip(" .")
    if text.strip().endswith(".") and re.search(r"\b(?:c|ca|approx)\.$", text.strip().lower()):
        cleaned += "."
    unsure = _UNSURE.search(cleaned)
    if unsure:
        cleaned = cleaned[: unsure.start()].strip(" .")
    if cleaned.startswith("~"):
        unsure, cleaned = True, cleaned[1:].strip()
    qualifier = Qualifier.CIRCA if unsure else None
    match = _QUALIFIER.match(cleaned)  # before the prefix: "on or shortly before" is one
    if not match:
        cleaned = _PREFIX.sub("", cleaned)
        match = _QUALIFIER.match(cleaned)
    if match:
        name = next(k for k, v in match.groupdict().items() if v)
        said = Qualifier.SHORTLY_BEFORE if name == "shortly" else Qualifier(name)
        if qualifier is None or said is not Qualifier.CIRCA:
            qualifier = said  # "before 2019?" stays "before"; "c. 2019?" is just circa
        cleaned = _PREFIX.sub("", cleaned[match.end() :].strip())
    try:
        if deep_text:
            return (_core_iso_deep(cleaned, qualifier)
                    or _core_bce(_BCE_MARK.sub("", cleaned).strip(), qualifier, dayfirst))
        precision, when = _core(cleaned, dayfirst)
        return FuzzyDate.of(precision, when, qualifier)
    except ValueError as exc:
        message = str(exc)
        if message.startswith("cannot read"):
            raise ValueError(f"cannot read {text.strip()!r} as a date: {_HINT}") from None
        raise ValueError(f"{text.strip()!r} is not a valid date: {message}") from None
