"""Spanish: "5 de marzo de 2022", "a principios/mediados/finales de", futuro and "próximo"."""

from __future__ import annotations

from desktop.extract.lang.engine import LangTable

_MONTHS = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
           "diciembre").split()
_WEEKDAYS = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3,
             "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6}  # fmt: skip
_NEXT, _LAST = r"próxim[oa]", r"pasad[oa]"
TABLE = LangTable(
    code="es",
    months={m: n for n, m in enumerate(_MONTHS, start=1)} | {"setiembre": 9},
    weekdays=_WEEKDAYS,
    deictics={"ayer": -1, "anteayer": -2, "antier": -2, "hoy": 0, "mañana": 1,
              "pasado mañana": 2, "esta mañana": 0, "esta tarde": 0,
              "esta noche": 0, "anoche": -1},  # fmt: skip
    future=r"\b\w+(?:rá|rán|remos|réis)\b|\b(?:va|van|vamos)\s+a\s+\w+(?:ar|er|ir)\b"
    r"|\bpróxim\w+|\bprevist\w+",
    past=r"\b\w{2,}(?:ó|aron|ieron|yeron)\b|\b(?:ha|han|había|habían|hubo|fue|fueron)\b"
    r"|\bayer\b|\bpasad[oa]\b",
    breaks=r"[,;:](?=\s)|\bque\b",
    day_suffix=r"(?:º|°)?",
    day_month=r"\s+de\s+",
    year_lead=r"\s+(?:de|del)\s+|,?\s+",
    next_before=_NEXT,
    next_after=rf"{_NEXT}|que\s+viene",
    last_before=rf"{_LAST}|últim[oa]",
    last_after=_LAST,
    parts_before={r"(?:a\s+)?(?:principios|comienzos|inicios)\s+de\s+": "early",
                  r"(?:a\s+)?mediados\s+de\s+": "mid",
                  r"(?:a\s+)?(?:finales|fines)\s+de\s+": "late"},  # fmt: skip
    month_before=r"(?:en|durante|desde|hasta|el\s+mes\s+de)\s+",
    relunits=(
        (r"la\s+semana\s+pasada|la\s+pasada\s+semana", "week", -1),
        (r"la\s+(?:próxima\s+semana|semana\s+próxima|semana\s+que\s+viene)", "week", 1),
        (r"esta\s+semana", "week", 0), (r"el\s+mes\s+pasado|el\s+pasado\s+mes", "month", -1),
        (r"el\s+(?:próximo\s+mes|mes\s+próximo|mes\s+que\s+viene)", "month", 1),
        (r"este\s+mes", "month", 0), (r"el\s+año\s+pasado|el\s+pasado\s+año", "year", -1),
        (r"el\s+(?:próximo\s+año|año\s+próximo|año\s+que\s+viene)", "year", 1),
        (r"este\s+año", "year", 0),
    ),  # fmt: skip
    years=(r"(?:en|durante)\s+(?:el\s+(?:año\s+)?)?(?P<year>(?:19|20)\d\d)",),
    deictic_block_before=r"la|esta|por\s+la|de\s+la|cada|una|toda\s+la|del",
    numbers=dict(zip("un uno una dos tres cuatro cinco seis siete ocho nueve diez".split(),
                     (1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True)),
    units={"día": ("day", 1), "días": ("day", 1), "semana": ("week", 1), "semanas": ("week", 1),
           "mes": ("month", 1), "meses": ("month", 1), "año": ("year", 1), "años": ("year", 1)},
    ago=((r"hace\s+{n}\s+{u}", -1), (r"dentro\s+de\s+{n}\s+{u}", 1)),
    bound_before=r"(?:desde|hasta|antes\s+de)\s+(?:el\s+|la\s+)?",
)
