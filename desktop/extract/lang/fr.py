"""French: "1er mars", "début/mi-/fin <mois>", futur simple and "prochain"."""

from __future__ import annotations

from desktop.extract.lang.engine import LangTable

_MONTHS = ("janvier janv. février fevrier févr. mars avril avr. mai juin juillet juil. "
           "août aout septembre sept. octobre oct. novembre nov. décembre decembre déc.")
_NUMBERS = (1, 1, 2, 2, 2, 3, 4, 4, 5, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 12)
TABLE = LangTable(
    code="fr",
    months=dict(zip(_MONTHS.split(), _NUMBERS, strict=True)),
    weekdays={d: n for n, d in enumerate("lundi mardi mercredi jeudi vendredi samedi "
                                         "dimanche".split())},  # fmt: skip
    deictics={"hier": -1, "avant-hier": -2, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
              "après-demain": 2, "ce matin": 0, "ce soir": 0, "cette nuit": 0},  # fmt: skip
    future=r"\b\w+(?:eront|iront|era|ira|dra|dront|vra|vront|erons|irons|erez|irez)\b"
    r"|\b(?:sera|seront|aura|auront|fera|feront|pourra|devra|verra|viendra|tiendra)\b"
    r"|\b(?:va|vont)\s+(?:\w+\s+)?\w+(?:er|ir|re)\b|\bprochain\w*|\bdemain\b|\bprévu\w*"
    r"|\bdoi(?:t|vent)\b|\bà\s+venir\b",
    past=r"\b(?:a|ont|avait|avaient|est|sont|était|étaient|fut|furent)\s+"
    r"(?:(?:été|pas|déjà|notamment|également|aussi|encore|bien)\s+)*"
    r"\w+(?:é|ée|és|ées|i|is|ie|ies|u|ue|us|ues|t|te|ts|tes)\b|\bhier\b|\bderni(?:er|ère)\b"
    r"|\bpassé\w*|\b\w+(?:èrent)\b",
    breaks=r"[,;:](?=\s)|\bqu(?:e\b|['’])",
    day_suffix=r"(?:er|re|e)?",
    next_before=r"prochain",
    next_after=r"prochaine?",
    last_after=r"derni(?:er|ère)|passée?",
    parts_before={r"(?:au\s+)?début\s+(?:du\s+mois\s+)?(?:de\s+|d['’])?": "early",
                  r"(?:à\s+la\s+)?mi-|(?:au\s+)?milieu\s+(?:du\s+mois\s+)?(?:de\s+|d['’])?": "mid",
                  r"(?:à\s+la\s+)?fin\s+(?:du\s+mois\s+)?(?:de\s+|d['’])?": "late"},  # fmt: skip
    month_before=r"(?:en|courant|depuis|dès|jusqu['’]en|au\s+mois\s+(?:de\s+|d['’]))\s*",
    relunits=(
        (r"la\s+semaine\s+(?:dernière|passée)", "week", -1),
        (r"la\s+semaine\s+prochaine", "week", 1), (r"cette\s+semaine", "week", 0),
        (r"le\s+mois\s+(?:dernier|passé)", "month", -1), (r"le\s+mois\s+prochain", "month", 1),
        (r"ce\s+mois-ci", "month", 0),
        (r"l['’]année\s+(?:dernière|passée)|l['’]an\s+(?:dernier|passé)", "year", -1),
        (r"l['’]année\s+prochaine|l['’]an\s+prochain", "year", 1), (r"cette\s+année", "year", 0),
    ),  # fmt: skip
    years=(r"(?:en|au\s+cours\s+de\s+l['’]année)\s+(?P<year>(?:19|20)\d\d)",),
    numbers=dict(zip("un une deux trois quatre cinq six sept huit neuf dix".split(),
                     (1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True)),
    units={"jour": ("day", 1), "jours": ("day", 1), "semaine": ("week", 1),
           "semaines": ("week", 1), "mois": ("month", 1), "an": ("year", 1), "ans": ("year", 1),
           "année": ("year", 1), "années": ("year", 1)},
    ago=((r"il\s+y\s+a\s+{n}\s+{u}", -1), (r"dans\s+{n}\s+{u}", 1)),
    bound_before=r"(?:depuis|dès|jusqu['’](?:au|à|en)|avant)\s+(?:le\s+|la\s+|l['’])?",
)
