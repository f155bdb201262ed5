"""Reading TIMEX3 values back into a precision and a moment.

Citations store the tagger's TIMEX3 value; comparing them needs the period it names.
Values that name no placeable period (PRESENT_REF, P3D, XXXX-WXX-5) are refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from desktop.temporal.fuzzy import Precision

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_TIMEX = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::\d{2})?)?)?"
    r"|W(?P<w>\d{2})|Q(?P<q>[1-4])|(?P<s>SP|SU|FA|WI)))?"
    r"|(?P<decade>\d{3})|(?P<century>\d{2})"
)


_LOOSE = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)"  # part of a day: the day
    r"|(?P<week>\d{4}-W\d{2})-WE"  # a weekend: its week
    r"|FY(?P<fy>\d{4})|(?P<half>\d{4})-H[12]"  # fiscal year, half year: the year
)


def parse_timex(value: str) -> tuple[Precision, datetime]:
    """The precision and first moment of a placeable TIMEX3 value; ValueError otherwise.

    Values finer than FuzzyDate's precisions (a weekend, a half year, "Friday night")
    are read as the period that holds them.
    """
    text = value.strip() if isinstance(value, str) else ""
    loose = _LOOSE.fullmatch(text)
    if loose:
        text = loose["day"] or loose["week"] or loose["fy"] or loose["half"]
    match = _TIMEX.fullmatch(text)
    if not match:
        raise ValueError(f"{value!r} is not a placeable TIMEX3 date value")
    try:
        if match["decade"]:
            return Precision.DECADE, datetime(max(int(match["decade"]) * 10, 1), 1, 1)
        if match["century"]:
            return Precision.CENTURY, datetime(max(int(match["century"]) * 100, 1), 1, 1)
        year = int(match["y"])
        if match["w"]:
            monday = date.fromisocalendar(year, int(match["w"]), 1)
            return Precision.WEEK, datetime.combine(monday, datetime.min.time())
        if match["q"]:
            return Precision.QUARTER, datetime(year, int(match["q"]) * 3 - 2, 1)
        if match["s"]:
            return Precision.SEASON, datetime(year, _SEASON_MONTH[match["s"]], 1)
        if match["M"]:
            moment = datetime(
                year, int(match["m"]), int(match["d"]), int(match["H"]), int(match["M"])
            )
            return Precision.MINUTE, moment
        if match["d"]:
            return Precision.DAY, datetime(year, int(match["m"]), int(match["d"]))
        if match["m"]:
            return Precision.MONTH, datetime(year, int(match["m"]), 1)
        return Precision.YEAR, datetime(year, 1, 1)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
