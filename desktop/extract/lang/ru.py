"""Russian: month names in their cases, written-out day ordinals ("пятого марта"),
"в начале/середине/конце", "следующий", the perfective future ("проведут")."""

from __future__ import annotations

from desktop.extract.lang.engine import LangTable

_STEMS = ("январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр").split()
_MONTHS: dict[str, int] = {}
for _n, _stem in enumerate(_STEMS, start=1):
    if _stem == "ма":
        _MONTHS |= {"май": 5, "мая": 5, "мае": 5}
    elif _stem in ("март", "август"):
        _MONTHS |= {_stem: _n, f"{_stem}а": _n, f"{_stem}е": _n}
    else:
        _MONTHS |= {f"{_stem}ь": _n, f"{_stem}я": _n, f"{_stem}е": _n}
_WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4,
             "пятница": 4, "субботу": 5, "суббота": 5, "воскресенье": 6}  # fmt: skip
_ORDINAL_STEMS = ("перв втор трет четвёрт пят шест седьм восьм девят десят одиннадцат "
                  "двенадцат тринадцат четырнадцат пятнадцат шестнадцат семнадцат "
                  "восемнадцат девятнадцат двадцат").split()
_ORDINALS: dict[str, int] = {}
for _n, _stem in enumerate(_ORDINAL_STEMS, start=1):
    genitive, nominative = (("третьего", "третье") if _stem == "трет"
                            else (f"{_stem}ого", f"{_stem}ое"))  # fmt: skip
    _ORDINALS |= {genitive: _n, nominative: _n}
    if _n < 10:
        _ORDINALS |= {f"двадцать {genitive}": 20 + _n, f"двадцать {nominative}": 20 + _n}
_ORDINALS |= {"четвертого": 4, "тридцатого": 30, "тридцатое": 30, "тридцать первого": 31,
              "тридцать первое": 31, "двадцать четвертого": 24}  # fmt: skip
_NEXT = r"следующ(?:ий|ую|ее|ей|ем|его)|ближайш(?:ий|ую|ее|ей|ем)"
_LAST = r"прошл(?:ый|ую|ое|ой|ом|ого)|минувш(?:ий|ую|ее|ей|ем|его)"
# Perfective verbs in the present form name the future ("проведут", "закроется"); the
# imperfective -ает/-яет/-ует forms and a few verbs of being somewhere do not.
_PERFECTIVE = (r"\b(?!происход|находит|проходит|приходит|выходит|является|относит|обходит"
               r"|подходит|переходит|отходит)(?:по|при|про|за|вы|под|пере|до|от|об|на|раз"
               r"|рас|вс|вз|у|с)[а-яё]{2,}(?<![аяу])(?:ит|ет|ёт|ут|ют|ят|ат)(?:ся)?\b")
TABLE = LangTable(
    code="ru",
    months=_MONTHS,
    weekdays=_WEEKDAYS,
    deictics={"вчера": -1, "позавчера": -2, "сегодня": 0, "завтра": 1, "послезавтра": 2},
    future=r"\b(?:будет|будут|буду|будем|состоится|состоятся)\b|\bследующ\w+|\bпредстоящ\w+"
    rf"|\bближайш\w+|\bзавтра\b|\bпланиру\w+|\bнамерен\w*|{_PERFECTIVE}",
    past=r"\b[а-яё]{2,}(?:л|ла|ло|ли|лся|лась|лось|лись)\b|\bвчера\b|\bпрошл\w+|\bминувш\w+",
    breaks=r"[,;:](?=\s)|\bчто\b",
    ordinals=_ORDINALS,
    day_suffix=r"(?:-?го|-?е)?",
    year_tail=r"(?:\s*(?:года|году|г\.))?",
    next_before=_NEXT,
    last_before=_LAST,
    next_after=r"следующего\s+года|будущего\s+года",
    last_after=r"прошлого\s+года",
    parts_before={r"(?:в\s+)?начале\s+|начало\s+": "early",
                  r"(?:в\s+)?середине\s+|середина\s+": "mid",
                  r"(?:в\s+)?конце\s+|конец\s+": "late"},  # fmt: skip
    month_before=r"(?:в|во|с|со|до)\s+",
    relunits=(
        (r"на\s+(?:прошлой|минувшей)\s+неделе", "week", -1),
        (r"на\s+(?:следующей|будущей)\s+неделе", "week", 1), (r"на\s+этой\s+неделе", "week", 0),
        (r"в\s+(?:прошлом|минувшем)\s+месяце", "month", -1),
        (r"в\s+(?:следующем|будущем)\s+месяце", "month", 1), (r"в\s+этом\s+месяце", "month", 0),
        (r"в\s+(?:прошлом|минувшем)\s+году", "year", -1),
        (r"в\s+(?:следующем|будущем)\s+году", "year", 1),
        (r"в\s+(?:этом|текущем)\s+году", "year", 0),
    ),  # fmt: skip
    years=(r"в\s+(?P<year>(?:19|20)\d\d)\s+(?:году|г\.)",),
    numbers=dict(zip("один одна одну два две три четыре пять шесть семь восемь девять десять"
                     .split(), (1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True)),
    units={**dict.fromkeys(("день", "дня", "дней"), ("day", 1)),
           **dict.fromkeys(("неделю", "недели", "недель"), ("week", 1)),
           **dict.fromkeys(("месяц", "месяца", "месяцев"), ("month", 1)),
           **dict.fromkeys(("год", "года", "лет"), ("year", 1))},
    ago=((r"{n}\s+{u}\s+назад", -1), (r"через\s+{n}\s+{u}", 1)),
    bound_before=r"(?:\bс|\bсо|\bдо|\bпосле|\bк)\s+",
)
