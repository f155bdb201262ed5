"""German: "am 6. März", "Anfang/Mitte/Ende <Monat>", "kommend/nächst", "Montagabend"."""

from __future__ import annotations

from desktop.extract.lang.engine import LangTable

_MONTHS = {"januar": 1, "jänner": 1, "jan.": 1, "februar": 2, "feber": 2, "feb.": 2,
           "märz": 3, "maerz": 3, "april": 4, "apr.": 4, "mai": 5, "juni": 6, "juli": 7,
           "august": 8, "aug.": 8, "september": 9, "sept.": 9, "sep.": 9, "oktober": 10,
           "okt.": 10, "november": 11, "nov.": 11, "dezember": 12, "dez.": 12}  # fmt: skip
_WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
             "samstag": 5, "sonnabend": 5, "sonntag": 6}  # fmt: skip
_NEXT = r"(?:kommend|nächst)(?:e|en|er|es)?"
_LAST = r"(?:vergangen|letzt|vorig)(?:e|en|er|es)?"
# Weak past forms end in -te(n); these words only look like them.
_NOT_PAST = (r"nächst|erst|letzt|zweit|dritt|viert|mitt|recht|kräft|gäst|leut|heut|beamt"
             r"|expert|hälft|gesamt|weit|breit|stätt|acht|produkt|geschäft|konflikt|objekt")
_STRONG_PAST = (r"traf|trafen|kam|kamen|fand|fanden|gab|gaben|nahm|nahmen|sprach|sprachen"
                r"|hielt|hielten|fiel|fielen|ging|gingen|stand|standen|schlug|schlugen|rief"
                r"|riefen|wies|zog|zogen|stieg|stiegen|brach|brachen|warf|lief|liefen|starb"
                r"|starben|flog|flogen|floh|flohen|verlor|verloren|gewann|gewannen|begann"
                r"|begannen|entschied|unterschrieb|beschloss|trat|traten|bat|lag|lagen|blieb"
                r"|blieben|schrieb|sank|sanken|griff|griffen|erschien|verließ|verließen")
_NOT_PARTICIPLE = (r"gen|nau|nug|rade|samt|setz|biet|fahr|spräch|richt|halt|schäft|stern"
                   r"|plant|meinsam|wiss|walt|schicht|sellschaft|werkschaft|bäude|fangen")
# Present tense with a weekday is a plan ("Am Donnerstag treffen sich die Minister"): the
# past is marked (Präteritum, Perfekt), so an unmarked weekday is the coming one.
TABLE = LangTable(
    code="de",
    months=_MONTHS,
    weekdays=_WEEKDAYS,
    deictics={"gestern": -1, "vorgestern": -2, "heute": 0, "morgen": 1, "übermorgen": 2},
    future=r"\b(?:wird|werden|wirst|werde|soll|sollen|will|wollen|plant|planen)\b"
    r"|\b(?:kommend|nächst|bevorstehend|künftig)\w*|\bmorgen\b|\bgeplant\b",
    past=r"\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|gestern)\b"
    rf"|\b(?:{_STRONG_PAST})\b|\bge(?!(?:{_NOT_PARTICIPLE})\w*\b)\w{{3,}}(?:t|en)\b"
    rf"|\b(?:vergangen|letzt)\w*|\b(?!(?:{_NOT_PAST})\w*\b)\w{{3,}}(?:te|ten|tet)\b",
    breaks=r"[,;:](?=\s)|\bdass\b",
    weekday_unmarked="future",
    day_suffix=r"\.?",
    weekday_tail=r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht|früh)?",
    next_before=_NEXT,
    last_before=_LAST,
    parts_before={r"Anfang\s+": "early", r"Mitte\s+": "mid", r"Ende\s+": "late"},
    month_before=r"(?:im|seit|bis|ab)\s+(?:Monat\s+)?",
    relunits=(
        (rf"(?:in\s+der\s+)?{_LAST}\s+Woche", "week", -1),
        (rf"(?:in\s+der\s+)?{_NEXT}\s+Woche", "week", 1),
        (r"diese\s+Woche|in\s+dieser\s+Woche", "week", 0),
        (rf"(?:im\s+)?{_LAST}\s+Monat", "month", -1), (rf"(?:im\s+)?{_NEXT}\s+Monat", "month", 1),
        (r"diesen\s+Monat|in\s+diesem\s+Monat", "month", 0),
        (rf"(?:im\s+)?{_LAST}\s+Jahr", "year", -1), (rf"(?:im\s+)?{_NEXT}\s+Jahr", "year", 1),
        (r"dieses\s+Jahr|in\s+diesem\s+Jahr", "year", 0),
    ),  # fmt: skip
    years=(r"(?:im\s+Jahre?)\s+(?P<year>(?:19|20)\d\d)",),
    deictic_block_before=r"am|heute|gestern|jeden|diesen|dem|den|des|guten|früh",
    numbers=dict(zip("einem einer zwei drei vier fünf sechs sieben acht neun zehn".split(),
                     (1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True)),
    units={"tag": ("day", 1), "tagen": ("day", 1), "woche": ("week", 1), "wochen": ("week", 1),
           "monat": ("month", 1), "monaten": ("month", 1), "jahr": ("year", 1),
           "jahren": ("year", 1)},
    ago=((r"vor\s+{n}\s+{u}", -1), (r"in\s+{n}\s+{u}", 1)),
    bound_before=r"(?:seit|bis|bis\s+zum|bis\s+zur|vor\s+dem|ab|ab\s+dem)\s+",
)
