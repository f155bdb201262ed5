"""Turkish: case suffixes after an apostrophe ("5 Mart'ta"), "Mart başında/sonunda",
the -ecek/-acak future and "önümüzdeki"."""

from __future__ import annotations

from desktop.extract.lang.engine import LangTable

_MONTHS = "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık"
_WEEKDAYS = {"pazartesi": 0, "salı": 1, "çarşamba": 2, "perşembe": 3, "cuma": 4,
             "cumartesi": 5, "pazar günü": 6}  # fmt: skip
_SUFFIX = r"['’][a-zçğıöşüâî]+"
_IN_MONTH = r"(?:ayı(?:nın)?\s+)?"
TABLE = LangTable(
    code="tr",
    months={m: n for n, m in enumerate(_MONTHS.split(), start=1)},
    weekdays=_WEEKDAYS,
    deictics={"dün": -1, "bugün": 0, "yarın": 1, "evvelsi gün": -2, "öbür gün": 2, "bu sabah": 0,
              "bu akşam": 0, "dün gece": -1, "dün akşam": -1},
    future=r"\w+(?:ecek|acak|eceğ|acağ)\w*|\bönümüzdeki\b|\byarın\b|\bplanlan\w+",
    past=r"\w{2,}(?:dı|di|du|dü|tı|ti|tu|tü)(?:k|lar|ler|r|m|n)?\b|\w+(?:mış|miş|muş|müş)\w*"
    r"|\w{2,}(?:dığ|diğ|duğ|düğ|tığ|tiğ|tuğ|tüğ)\w*"
    r"|\bdün\b|\bgeçen\b|\bgeçtiğimiz\b",
    verb_final=True,
    name_suffix=_SUFFIX,
    year_tail=rf"(?:{_SUFFIX}|\s+yılında)?",
    weekday_tail=rf"(?:\s+günü|{_SUFFIX})?",
    next_before=r"önümüzdeki|gelecek|bu",
    last_before=r"geçen|geçtiğimiz",
    parts_after={rf"{_IN_MONTH}(?:başında|başlarında|başı)": "early",
                 rf"{_IN_MONTH}(?:ortasında|ortalarında|ortası)": "mid",
                 rf"{_IN_MONTH}(?:sonunda|sonlarında|sonu)": "late"},  # fmt: skip
    month_after=r"\s+ay(?:ı|ında|ının|ına|ından)|['’](?:ta|te|da|de|tan|ten|dan|den|a|e|ya|ye)",
    relunits=(
        (r"(?:geçen|geçtiğimiz)\s+hafta", "week", -1),
        (r"(?:önümüzdeki|gelecek)\s+hafta", "week", 1), (r"bu\s+hafta", "week", 0),
        (r"(?:geçen|geçtiğimiz)\s+ay", "month", -1), (r"(?:önümüzdeki|gelecek)\s+ay", "month", 1),
        (r"bu\s+ay", "month", 0), (r"(?:geçen|geçtiğimiz)\s+(?:yıl|sene)", "year", -1),
        (r"(?:önümüzdeki|gelecek)\s+(?:yıl|sene)", "year", 1), (r"bu\s+(?:yıl|sene)", "year", 0),
    ),  # fmt: skip
    years=(r"(?P<year>(?:19|20)\d\d)(?:\s+yılında|['’](?:de|da|te|ta))",),
    numbers=dict(zip("bir iki üç dört beş altı yedi sekiz dokuz on".split(), range(1, 11),
                     strict=True)),
    units={"gün": ("day", 1), "hafta": ("week", 1), "ay": ("month", 1), "yıl": ("year", 1),
           "sene": ("year", 1)},
    ago=((r"{n}\s+{u}\s+önce", -1),),
    bound_after=r"beri|bu\s+yana|itibaren|kadar",
)
