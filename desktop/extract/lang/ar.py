"""Arabic: both month series (Syriac-derived أيلول, Latin-derived سبتمبر), the clitics
و ب ل ف before a name, written-out day ordinals ("الخامس من آذار"), future سـ / سوف /
المقبل."""

from __future__ import annotations

from desktop.extract.lang.engine import LangTable, W
from desktop.temporal.months import LEVANTINE_MONTHS

_LATIN_MONTHS = {  # the Latin-derived series; the Syriac-derived one is temporal.months'
    1: "يناير|جانفي", 2: "فبراير|فيفري", 3: "مارس", 4: "أبريل|ابريل|إبريل|أفريل",
    5: "مايو", 6: "يونيو|يونيه|جوان", 7: "يوليو|يوليه|جويلية", 8: "أغسطس|اغسطس|أوت",
    9: "سبتمبر", 10: "أكتوبر|اكتوبر", 11: "نوفمبر", 12: "ديسمبر",
}  # fmt: skip
_MONTHS = {n: "|".join((*LEVANTINE_MONTHS[n], _LATIN_MONTHS[n])) for n in range(1, 13)}
_WEEKDAYS = {
    0: "الإثنين|الاثنين|الأثنين", 1: "الثلاثاء", 2: "الأربعاء|الاربعاء", 3: "الخميس",
    4: "الجمعة", 5: "السبت", 6: "الأحد|الاحد",
}  # fmt: skip
_UNITS = ("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع").split()
_ORDINALS = {word: n for n, word in enumerate(_UNITS, start=1)}
_ORDINALS |= {"الاول": 1, "العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30}
_ORDINALS |= {f"{word} عشر": n + 10 for n, word in enumerate(_UNITS, start=1) if n > 1}
_ORDINALS |= {f"{'الحادي' if n == 1 else word} والعشرين": n + 20
              for n, word in enumerate(_UNITS, start=1)}  # fmt: skip
_ORDINALS["الحادي والثلاثين"] = 31
_NEXT = r"المقبل(?:ة)?|القادم(?:ة)?"
_LAST = r"الماضي(?:ة)?|المنصرم(?:ة)?|الفائت(?:ة)?"
_WEEK, _MONTH, _YEAR = r"(?:الأسبوع|الاسبوع)", r"الشهر", r"(?:العام|السنة)"
# سـ before an imperfect verb ("سيعقد", "وستصل"), not nouns that start with س + ي/ت/ن.
_NOUNS = r"سياس|سيار|سيطر|سيول|ستين|ستة|سنة|سنوا|سنوي|سيرة|سيناء|ستار|سترا|سيبر|سنغ|سيد"
# Perfect (past) forms of the verbs news narrates with, by their third-person stems; the
# feminine -ت and plural -وا/-ا endings are added by the pattern ("أعلنت", "وصلوا").
_PERFECT = ("أعلن|قال|أكد|أفاد|ذكر|وصل|دخل|غادر|زار|وقع|وقّع|اجتمع|التقى|عقد|قتل|قُتل|أصيب"
            "|شن|شنّ|استهدف|هاجم|انسحب|سيطر|بدأ|أطلق|اندلع|انفجر|ضرب|هز|فتح|افتتح|أغلق"
            "|اعتقل|أفرج|انتخب|فاز|توفي|رحّل|نزح|عبر|عبرت|سقط|دمر|أسفر|جرى|تم|تمت")
# Perfectives of the derived forms by their shape, three root letters after the prefix
# (a verbal noun has a long vowel among them: "انسحب" is a verb, "انسحاب" is not):
# form X است---, form VII ان---, form VIII ا-ت--, form V with its shadda تـ--ّ-
# (without the shadda تـ--- is also the present's "she/you": left out). قد before an
# imperfect ("قد يصل") is "may", not the past; "وقد تم" is.
_R = r"[^\sاوي\W\d_]"  # a root letter that is not a long vowel
_DERIVED = rf"است{_R}{_R}{_R}|ان{_R}{_R}{_R}|ا{_R}ت{_R}{_R}|ت{_R}{_R}ّ{_R}"
TABLE = LangTable(
    code="ar",
    months={form: n for n, forms in _MONTHS.items() for form in forms.split("|")},
    weekdays={form: n for n, forms in _WEEKDAYS.items() for form in forms.split("|")},
    deictics={"أمس": -1, "الأمس": -1, "البارحة": -1, "أول أمس": -2, "غداً": 1, "غدا": 1,
              "غدًا": 1, "اليوم": 0},  # fmt: skip
    future=rf"(?<!{W})[وف]?(?!{_NOUNS})س[يتنأ]{W}{{2,}}|سوف|{_NEXT}|من المقرر|من المتوقع"
    r"|المزمع|غدا",
    past=rf"{_LAST}|أمس|(?<!{W})[وف]?(?:كان|كانت|كانوا|كانا)(?!{W})|(?<!{W})[وف]?لقد\s"
    rf"|(?<!{W})[وف]?قد\s+(?![ين])(?!ت(?!مت?(?!{W})))|(?<!{W})[وف]?(?:{_PERFECT}|{_DERIVED})(?:ت|ا|وا|تا)?(?!{W})",
    breaks=rf"[,;:،؛](?=\s)|(?<!{W})(?:أن|إن|أنه|أنها|بأن|لأن)(?!{W})",
    ordinals=_ORDINALS,
    prefix=r"وب|وف|ول|فب|فل|[وفبل]",
    day_month=r"\s+(?:من\s+)?(?:شهر\s+)?",
    year_lead=r",?\s+(?:عام\s+)?",
    year_tail=rf"(?:\s?م(?!{W}))?",
    weekday_lead=r"(?:[وفبل])?(?:يوم|صباح|مساء|فجر|ليلة|ظهر)\s+(?:يوم\s+)?",
    next_after=_NEXT,
    last_after=_LAST,
    parts_before={r"(?:مطلع|أوائل|اوائل|بداية|بدايات)\s+(?:شهر\s+)?": "early",
                  r"(?:منتصف|أواسط|اواسط)\s+(?:شهر\s+)?": "mid",
                  r"(?:أواخر|اواخر|نهاية)\s+(?:شهر\s+)?": "late"},  # fmt: skip
    month_before=r"(?:في|خلال|شهر|منذ|حتى)\s+(?:شهر\s+)?",
    relunits=(
        (rf"{_WEEK}\s+(?:{_LAST})", "week", -1), (rf"{_WEEK}\s+(?:{_NEXT})", "week", 1),
        (rf"{_MONTH}\s+(?:{_LAST})", "month", -1), (rf"{_MONTH}\s+(?:{_NEXT})", "month", 1),
        (rf"{_YEAR}\s+(?:{_LAST})", "year", -1), (rf"{_YEAR}\s+(?:{_NEXT})", "year", 1),
        (rf"هذا\s+{_WEEK}|{_WEEK}\s+(?:الحالي|الجاري)", "week", 0),
        (rf"هذا\s+{_MONTH}|{_MONTH}\s+(?:الحالي|الجاري)", "month", 0),
        (rf"هذا\s+العام|هذه\s+السنة|{_YEAR}\s+(?:الحالي|الجاري|الحالية|الجارية)", "year", 0),
    ),  # fmt: skip
    years=(r"(?:عام|العام|سنة)\s+(?P<year>(?:19|20)\d\d)",),
    deictic_block_before=r"في|من|ذلك|هذا|نفس",
    # An imperfect verb ("يزور الوزير أنقرة الخميس") is the present or a plan: the nearest
    # day; with no verb marked at all, a weekday is the past one (news narrates the past).
    present=rf"(?<!{W})[وف]?ي(?!وم|ونيو|ناير|وليو|ونيه|وليه){W}{{3,}}",
    weekday_unmarked="past",
    night=r"\s*(?:-|–|/|و)?\s*",
    numbers={"ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6,
             "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "عشرة": 10, "عشر": 10},
    units={**dict.fromkeys(("يوم", "أيام", "ايام"), ("day", 1)), "يومين": ("day", 2),
           **dict.fromkeys(("أسبوع", "أسابيع", "اسبوع"), ("week", 1)), "أسبوعين": ("week", 2),
           **dict.fromkeys(("شهر", "أشهر", "شهور"), ("month", 1)), "شهرين": ("month", 2),
           **dict.fromkeys(("عام", "أعوام", "سنة", "سنوات"), ("year", 1)),
           "عامين": ("year", 2), "سنتين": ("year", 2)},
    ago=((r"قبل\s+(?:{n}\s+)?{u}", -1),),
    bound_before=r"[وف]?(?:منذ|حتى|قبل)\s+(?:يوم\s+)?",
    deictic_block_after=r"ال(?!أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)",
)
