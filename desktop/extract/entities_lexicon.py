"""Word lists the entity finder reads: country names and demonyms, organisation and
place words, titles, news outlets, and capitalised words that are not names."""

from __future__ import annotations

# Other names of countries (and GeoNames names shown differently) -> the name used.
COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States",
    "U.S.A.": "United States", "America": "United States", "United States of America":
    "United States", "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain":
    "United Kingdom", "Great Britain": "United Kingdom", "Türkiye": "Turkey", "Turkiye":
    "Turkey", "Russian Federation": "Russia", "Czech Republic": "Czechia",
    "Palestinian Territory": "Palestine", "Holland": "Netherlands", "Burma": "Myanmar",
    "DRC": "DR Congo", "Democratic Republic of the Congo": "DR Congo", "UAE":
    "United Arab Emirates", "KSA": "Saudi Arabia", "Persia": "Iran", "Syrian Arab Republic":
    "Syria", "Islamic Republic of Iran": "Iran", "Republic of Korea": "South Korea",
    "Gaza Strip": "Palestine",
}  # fmt: skip

# Adjectives that stand for their state when they qualify forces or a government.
DEMONYMS = {
    "American": "United States", "US": "United States", "U.S.": "United States",
    "British": "United Kingdom", "Russian": "Russia", "Turkish": "Turkey", "Syrian": "Syria",
    "Iranian": "Iran", "Iraqi": "Iraq", "Israeli": "Israel", "Lebanese": "Lebanon",
    "Jordanian": "Jordan", "Saudi": "Saudi Arabia", "Egyptian": "Egypt", "French": "France",
    "German": "Germany", "Chinese": "China", "Ukrainian": "Ukraine", "Kurdish": "",
    "Qatari": "Qatar", "Emirati": "United Arab Emirates", "Yemeni": "Yemen",
    "Libyan": "Libya", "Sudanese": "Sudan", "Afghan": "Afghanistan", "Pakistani": "Pakistan",
    "Indian": "India", "Japanese": "Japan", "Korean": "", "Italian": "Italy",
    "Spanish": "Spain", "Polish": "Poland", "Dutch": "Netherlands", "Belgian": "Belgium",
    "Greek": "Greece", "Canadian": "Canada", "Mexican": "Mexico", "Brazilian": "Brazil",
    "Nigerian": "Nigeria", "Ethiopian": "Ethiopia", "Somali": "Somalia", "Malian": "Mali",
    "Armenian": "Armenia", "Azerbaijani": "Azerbaijan", "Georgian": "Georgia",
    "Belarusian": "Belarus", "Venezuelan": "Venezuela", "Colombian": "Colombia",
}  # fmt: skip

# Nouns after a demonym that make it the state acting ("Turkish troops", "Russian jets").
STATE_AGENTS = frozenset(
    """forces force troops army military soldiers warplanes jets aircraft planes drones
    artillery navy government regime authorities officials police ministry intelligence
    air-force airforce battalion units tanks helicopters gunboats warships militias
    security diplomats delegation envoy ambassador embassy positions posts bases convoy
    convoys patrols patrol president minister spokesman officials warplane jet drone
    missiles rockets shelling strikes airstrikes raids""".split()
)

# Words that make a name an organisation, and words that make it a group.
ORG_WORDS = frozenset(
    """ministry army forces council government party company bank court agency union
    front brigade brigades division committee commission office police coalition alliance
    organisation organization nations observatory helmets department navy corporation inc
    ltd university institute association federation league network agency foundation
    parliament assembly senate congress cabinet presidency kremlin pentagon
    monitor crescent cross fund programme program authority""".split()
)
GROUP_WORDS = frozenset(
    """group militia movement faction rebels fighters jihadists guard guards army""".split()
)
# Acronyms that are organisations rather than armed groups.
KNOWN_ORGS = frozenset(
    "UN NATO EU WHO UNICEF UNHCR OCHA ICRC IAEA OPCW OSCE IMF UNSC AU ASEAN OPEC ICC".split()
)

# Lower-case words after a name that make it a place ("Idlib province").
PLACE_SUFFIXES = frozenset(
    """province governorate city countryside district region village town border crossing
    airport airbase base highway road valley river mountains mountain plain plains
    countryside suburb suburbs neighbourhood neighborhood camp port desert coast""".split()
)
# Nouns before "of" that make the following name a place ("the town of al-Bab").
PLACE_OF = PLACE_SUFFIXES | frozenset("area areas villages towns outskirts cities".split())
# Prepositions that make a following name a place; the weak ones need the gazetteer.
STRONG_LOCATIVES = frozenset(
    "in at near outside around inside into across throughout towards toward within rural "
    "northern southern eastern western central".split()
)
# Words in a name that make it a place ("Black Sea", "Euphrates River").
PLACE_NAME_WORDS = frozenset(
    """sea river lake gulf strait mountains mountain valley plain desert ocean bay island
    islands peninsula heights canal province governorate district region""".split()
)
WEAK_LOCATIVES = frozenset("from to through via on of over".split())

TITLES = frozenset(
    """President Prime Minister Foreign Defence Defense Interior Finance Secretary General
    Gen Gen. Colonel Col Col. Commander Chancellor King Queen Prince Senator Sen Sen.
    Governor Gov Gov. Mayor Chief Judge Pope Sheikh Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Deputy
    Vice Acting Former Spokesman Spokeswoman Ambassador Envoy Lieutenant Lt Lt. Major
    Maj Maj. Captain Capt Capt. Sergeant Sgt Emir Leader Premier Minister-President""".split()
)

# News outlets and agencies: the reporters of a happening, not its actors.
OUTLETS = frozenset(
    """Al Jazeera|Reuters|AFP|Agence France-Presse|Associated Press|AP|BBC|CNN|SANA|
    Anadolu|Anadolu Agency|TASS|RIA Novosti|Interfax|Xinhua|Al Arabiya|The Guardian|
    Guardian|The New York Times|New York Times|The Washington Post|Washington Post|
    Middle East Eye|Enab Baladi|Syria Direct|Al-Monitor|Bloomberg|Daily Sabah|Sputnik|
    SOHR|Syrian Observatory for Human Rights|White Helmets|Fox News|NBC|CBS|ABC|NPR|
    Le Monde|Der Spiegel|DW|France 24|Euronews|Sky News""".replace(
        "\n", ""
    ).split("|")
)
OUTLETS = frozenset(" ".join(o.split()) for o in OUTLETS)

# Capitalised words that open or sit in sentences without naming anyone or anywhere.
NOT_NAMES = frozenset(
    """The A An On In At By For From To Of And But Or After Before During Since While When
    Where Which Who Whom Whose What Why How This That These Those It Its He She They We I
    You Our Their His Her Him Them Us Me My Your Earlier Later Meanwhile However Also Then
    Today Yesterday Tomorrow Tonight Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec According Although Though If
    As Some Many Most Both Last Next More Mr Mrs Ms Dr There Here Such Despite With Without
    Over Under Local Officials Government Several Two Three Four Five Six Seven Eight Nine
    Ten Dozens Hundreds Thousands Each Every Another Other Any All No Not None Only Just
    Even Still Yet Now Once Instead Thus Hence Therefore Moreover Furthermore Amid Among
    Against Between Following Despite Until Upon Via Per Photo Video Image Source Read
    Updated Published Share Comment Advertisement Breaking Live Analysis Opinion Editorial
    Sources Residents Activists Witnesses Rebels Fighters Troops Civilians Police Soldiers
    State Spokesman Spokeswoman Speaking Asked Writing Reporting Additional Editing
    God Allah Islamic Arab Muslim Christian Western Eastern Northern Southern
    Sunni Shia Shiite Kurdish Sure Indeed Clearly Finally Notably Overall Already Recently
    Reportedly Separately Additionally Nevertheless Nonetheless Subsequently Previously
    Currently Initially Eventually Ultimately Apparently Likewise Similarly Elsewhere
    Together Altogether Unlike Like Whether Please Thank Thanks Yes Oh Well Last First
    Second Third New Old Top Senior""".split()
)

# Gazetteer towns spelled like ordinary English words: never a place without a cue.
COMMON_WORD_PLACES = frozenset(
    """Police Most Nice Split Mobile Reading Bath Sale Deal Hope Union Victoria Independence
    Liberty Concord Alliance Progress Commerce Enterprise Justice Providence Orange Marion
    Florence Grace Jackson Lincoln Douglas Washington Hamilton Wellington Warren Franklin
    Clinton Madison Monroe Carter Kennedy Lafayette Aurora Phoenix Mercedes Victory Unity
    Salvador Troy Sparta""".split()
)

# Words in a name that make it an armed or political group.
GROUP_NAME_WORDS = frozenset(
    """tahrir jabhat hayat hay'at ahrar jaish liwa faylaq harakat hezbollah hizbollah hamas
    taliban houthi houthis ansar jund nusra isis isil daesh shabab boko haram wagner
    pkk ypg sdf fsa sna""".split()
)
# Reporting sources: named in a sentence, but they report the happening.
REPORTER_WORDS = frozenset("observatory monitor network agency news media".split())
# Verbs after which a capital city stands for its state ("Moscow rejected the offer").
STATE_VERBS = frozenset(
    """said says has have had accused rejected rejects agreed agrees warned warns denied
    denies announced announces responded responds launched launches demanded demands
    insisted insists condemned condemns called calls vowed vows urged urges""".split()
)

# Nouns that point back at the last named actor of their kind ("the group").
ANAPHORS = {
    "group": "group", "militia": "group", "movement": "group", "faction": "group",
    "organisation": "organisation", "organization": "organisation", "agency": "organisation",
    "ministry": "ministry", "army": "army", "government": "state", "regime": "state",
    "country": "state", "state": "state", "kingdom": "state", "republic": "state",
    "administration": "state", "authorities": "state", "alliance": "organisation",
    "coalition": "organisation", "monitor": "organisation", "observatory": "organisation",
    "company": "organisation", "council": "organisation", "committee": "organisation",
    "party": "organisation", "court": "organisation", "president": "person",
    "minister": "person", "leader": "person", "commander": "person", "spokesman": "person",
    "fund": "organisation", "union": "organisation", "firm": "organisation",
    "bank": "organisation", "carmaker": "organisation",
}  # fmt: skip
PERSON_PRONOUNS = frozenset({"he", "she"})
# Lower-case nouns after a name that say it leads something ("Opposition leader X"):
# the name before them is a modifier, not an actor.
LEADER_NOUNS = frozenset("leader leaders chief head spokesman spokeswoman commander".split())
