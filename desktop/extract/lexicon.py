"""Words the tagger needs: month and weekday names, number words, units, trap nouns.

Kept apart from the patterns so that the rules read as rules and the vocabulary can grow
without touching them.
"""

from __future__ import annotations

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Full names, then abbreviations (an abbreviation needs a day or a year next to it).
MONTH_FULL = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_FULL = "|".join(w.capitalize() for w in WEEKDAYS)
WEEKDAY_ABBR = r"Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"

# Months that are also ordinary words or names: they need a date-like neighbour.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "august"})
MONTH_CUES = frozenset(
    """in since until till during of from early mid late last next this through throughout
    between before after around circa by to and or""".split()
)
# "by May" is often the British politician; "to" and "and" only count inside a range.
WEAK_MONTH_CUES = frozenset({"by", "to", "and", "or"})

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "half a": 0, "a couple of": 2, "couple of": 2,
}  # fmt: skip
VAGUE_NUMBERS = frozenset({"several", "few", "a few", "many", "some", "a number of", "numerous"})
NUMBER = (
    r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
    r"three|four|five|six|seven|eight|nine))?|a\s+couple\s+of|couple\s+of|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|hundred|an?)"
)
VAGUE_NUMBER = r"(?:several|a\s+few|few|many|some|a\s+number\s+of|numerous)"

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year’s eve": (12, 31),
    "new year’s day": (1, 1), "valentine's day": (2, 14), "valentine’s day": (2, 14),
    "halloween": (10, 31), "boxing day": (12, 26), "independence day": (7, 4),
    "fourth of july": (7, 4), "the fourth of july": (7, 4), "veterans day": (11, 11),
    "veterans' day": (11, 11), "armistice day": (11, 11), "st. patrick's day": (3, 17),
    "bastille day": (7, 14),
}  # fmt: skip
# Holidays that move: (month, weekday 0=Monday, nth; -1 = last) or ("easter", offset).
FLOATING_HOLIDAYS: dict[str, tuple] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "columbus day": (10, 0, 2), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3), "martin luther king day": (1, 0, 3),
    "presidents' day": (2, 0, 3), "presidents day": (2, 0, 3), "easter": ("easter", 0),
    "easter sunday": ("easter", 0), "easter monday": ("easter", 1),
    "good friday": ("easter", -2),
}  # fmt: skip

# Qualifier words in front of a period ("early September", "the end of 2017").
MOD_QUALIFIER = {
    "early": "early", "beginning": "early", "start": "early", "first half": "early",
    "dawn": "early", "turn": "early", "mid": "mid", "middle": "mid", "late": "late",
    "end": "late", "close": "late", "second half": "late", "latter half": "late",
    "latter part": "late", "earlier": None, "later": None,
}  # fmt: skip

# Words after a four-digit number that make it a count, not a year.
COUNT_NOUNS = frozenset(
    """people persons men women children kids civilians troops soldiers fighters militants
    rebels refugees migrants residents protesters demonstrators shells rockets missiles bombs
    rounds barrels bullets tons tonnes kilograms kg km kilometres kilometers miles metres
    meters feet foot yards acres hectares dollars euros pounds lira liras dinars rubles
    roubles pesos yuan yen units homes houses families households cases deaths dead killed
    injured wounded casualties victims students votes voters members employees workers jobs
    vehicles cars trucks tanks aircraft planes buildings patients beds doctors nurses
    prisoners detainees hostages inmates animals sheep cattle words pages copies signatures
    points calories times hours minutes seconds gmt utc bst est cet hrs ft mph percent
    participants delegates candidates seats police officers personnel staff volunteers
    tents schools villages towns sites strikes raids attacks airstrikes""".split()
)
# Words before a four-digit number that make it a count, an amount or a label.
COUNT_BEFORE = frozenset(
    """than some about around approximately nearly almost roughly estimated least most
    only just total additional another extra resolution resolutions route highway flight
    room page pages article articles chapter section number no no. code model version
    bus line platform gate seat rule order decree law bill act paragraph item exactly
    over under up below above to""".split()
)
# Words before a year that make the year almost certain.
YEAR_CUES = frozenset(
    """in since by until till of during before after from through throughout between and
    to year early mid late summer spring autumn fall winter around circa c. ca. fiscal
    the-year in-early in-late""".split()
)
# Words that are names when a weekday precedes them ("Sunday Times").
WEEKDAY_NAME_TAILS = frozenset(
    """times telegraph express mirror post herald mail independent observer people star
    club school league football night-football agreement accord accords""".split()
)

# Adjectives ending in -ed that are not past-tense verbs.
ADJECTIVE_ED = frozenset(
    """armed united alleged displaced concerned related limited detailed advanced
    experienced interested supposed so-called beloved naked wicked sacred aged ragged
    rugged crooked learned wretched red bed need feed seed speed shed hundred indeed
    deed bred greed breed proceed exceed succeed embed""".split()
)
IRREGULAR_PAST = frozenset(
    """was were had did said told took gave made came went saw met held began fell left led
    won lost spoke broke brought bought built caught chose drove ate fought found flew forgot
    got grew heard kept knew laid meant paid ran rose sent sold sought stood stole struck
    swore taught thought threw understood woke wore wrote became withdrew overtook undertook
    arose sank fled felt dealt dug hung lit sat slid spent spun stuck swept swung tore wept
    bore drew drank forbade forgave froze hid lay rode rang sang shook shone slept strove swam
    shot saw mistook overran overthrew""".split()
)
PARTICIPLES = frozenset(
    """been done gone seen taken given known shown spoken broken chosen driven eaten fallen
    forgotten gotten risen stolen written beaten hidden ridden woken sworn torn worn drawn
    grown thrown blown flown withdrawn held made said told found hit killed put set shut
    cut brought bought built caught fought kept led left lost meant met paid sent sold
    spent stood struck taught thought won""".split()
)
FUTURE_WORDS = frozenset({"will", "shall", "'ll", "’ll", "wo", "upcoming", "scheduled"})
PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "been", "'d"})
PRESENT_AUX = frozenset({"is", "are", "am", "'s", "’s", "being"})
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "ought"})
CLAUSE_BREAKS = frozenset(
    """that which who whom whose when where while whereas but because although though
    whether if unless""".split()
)

# Adjectives that make a weekday the name of a day in history or commerce ("Bloody Sunday").
NAMED_DAY_ADJECTIVES = frozenset(
    """bloody black super cyber ash holy palm maundy shrove blue giving manic
    red white green""".split()
)
# "tomorrow's leaders", "the schools of tomorrow": the future in general, not a day.
FIGURATIVE_TOMORROW_NOUNS = frozenset(
    """world leaders generation generations workforce cities city schools jobs technology
    technologies economy society children citizens""".split()
)
# Present-tense verbs of timetables: "the lander lands on December 9" is ahead, not behind.
SCHEDULE_PRESENT = frozenset(
    """lands arrives opens begins starts ends closes meets returns leaves launches resumes
    visits expires reopens kicks""".split()
)
