"""Finite past forms of the verbs news narrates events with, per language.

English reads a sentence's verb (extract.verbs, extract.tense) to know that "Troops then
seized the bridge." reports a happening in the past, dated by the date the text last
set. These tables do the same job for the languages with date tables: a compact list of
event-verb stems with the endings of their narrative past (French passé composé and
passé simple, Spanish pretérito, German Perfekt and Präteritum, Russian past, Turkish
-dı past, Arabic perfective). Reporting verbs (said, announced) are left out on
purpose: "he said" carries no happening of its own. The match also ends the title's
who-did-what.
"""

from __future__ import annotations

import re

from desktop.extract.lang.engine import W
from desktop.extract.titles import fit

_TITLE_LIMIT = 70
_AFTER_VERB = 32  # characters of object kept after the verb
_CUT = re.compile(r"[,;:،؛(]|\s[-–—]\s")

# French: auxiliary + participle, or a passé simple (-a / -èrent / -it / -irent).
_FR_PARTICIPLES = (r"attaqué|bombardé|frappé|tué|blessé|détruit|pris|saisi|occupé|entré|entrés"
                   r"|entrées|arrivé|arrivés|arrivée|arrivées|parti|partis|quitté|franchi|traversé"
                   r"|signé|ouvert|fermé|libéré|arrêté|évacué|retiré|retirés|reprise?|lancé"
                   r"|tiré|abattu|explosé|incendié|encerclé|atteint|livré|rencontré|réuni|réunis"
                   r"|tenu|élu|mort|morts|fui|enfui|enfuis|visité|conclu|suspendu|repris")
_FR = (rf"\b(?:a|ont|est|sont|se\s+sont|s['’]est)\s+(?:(?:ensuite|alors|aussi|également|"
       rf"déjà|notamment)\s+)?(?:{_FR_PARTICIPLES})(?:e|s|es)?\b"
       r"|\b(?:attaqu|bombard|frapp|entr|arriv|quitt|franchi|travers|sign|ouvr|ferm|libér"
       r"|arrêt|évacu|retir|lanc|tir|encercl|livr|rencontr|réun|repr|pr|saisi)"
       r"(?:a|èrent|it|irent|irent)\b")
# Spanish pretérito indefinido (-ó/-aron, -ió/-ieron) and the perfect "ha/han + -ado/-ido".
_ES_STEMS = (r"atac|bombarde|golpe|mat|entr|lleg|sal|abandon|cruz|firm|abr|cerr|liber"
             r"|detuv|evacu|retir|lanz|dispar|derrib|explot|incendi|rode|tom|ocup|captur"
             r"|reun|celebr|eligi|muri|huy|visit|suspend|destru|arras|alcanz|hir|asesin")
_ES = (rf"\b(?:{_ES_STEMS})(?:ó|ió|aron|ieron|yó|yeron|o|eron)\b"
       rf"|\b(?:ha|han|había|habían)\s+(?:{_ES_STEMS})(?:ado|ido|ados|idos)\b"
       r"|\b(?:fue|fueron)\s+\w+(?:ado|ada|ados|adas|ido|ida|idos|idas)\b")
# German Präteritum (strong and weak) and Perfekt participles of event verbs.
_DE = (r"\b(?:griff|griffen|traf|trafen|kam|kamen|zog|zogen|nahm|nahmen|fiel|fielen"
       r"|schlug|schlugen|erreichte|erreichten|besetzte|besetzten|stürmte|stürmten"
       r"|beschoss|beschossen|tötete|töteten|zerstörte|zerstörten|eroberte|eroberten"
       r"|verließ|verließen|überquerte|überquerten|unterzeichnete|unterzeichneten"
       r"|eröffnete|eröffneten|schloss|schlossen|räumte|räumten|flohen|floh|starb|starben"
       r"|explodierte|landete|landeten|wählte|wählten|befreite|befreiten|brach|brachen)\b"
       r"|\b(?:angegriffen|getroffen|gekommen|eingenommen|eingetroffen|erreicht|besetzt"
       r"|zerstört|getötet|erobert|verlassen|überquert|unterzeichnet|eröffnet|geschlossen"
       r"|geräumt|geflohen|gestorben|beschossen|befreit|abgezogen|eingezogen|gelandet"
       r"|gewählt|explodiert|festgenommen|verhaftet)\b")
# Russian past tense (-л/-ла/-ло/-ли, reflexive -ся/-сь) of event verbs, by stem.
_RU_STEMS = (r"атакова|нанес|нанёс|удари|уничтожи|захвати|заня|взя|вош|вошё|вое"
             r"|прибы|прибыл|приеха|покину|пересек|пересекл|подписа|откры|закры|освободи"
             r"|задержа|арестова|эвакуирова|отступи|вывел|вывед|выве|отве|обстреля|сбил|сби|взорва"
             r"|подожг|окружи|доставил|доставляли|встрети|собра|избра|погиб|умер|бежа"
             r"|посети|возобнови|приостанови|разрушил|разруши|произош|произошё")
_RU = rf"(?<!{W})(?:{_RU_STEMS})(?:л|ла|ло|ли|лся|лась|лось|лись|ёл|ел|ли)?(?!{W})"
# Turkish -DI past (with vowel and consonant harmony) and personal endings, by stem.
_TR_STEMS = (r"saldır|vur|bombala|öldür|yarala|girdi|gir|ulaş|var|ayrıl|terk\s+et|geç"
             r"|imzala|aç|kapat|kurtar|tutukla|gözaltına\s+al|boşalt|çekil|ateş\s+aç|düşür"
             r"|patla|yak|kuşat|teslim\s+et|buluş|toplan|seç|öl|kaç|ziyaret\s+et|ele\s+geçir"
             r"|yık|hasar\s+gör|başla|sars|meydana\s+gel|vurul|öldürül|yaralan|ulaştır")
_TR = (rf"(?<!{W})(?:{_TR_STEMS})(?:dı|di|du|dü|tı|ti|tu|tü|ıldı|ildi|uldu|üldü)"
       rf"(?:lar|ler|k|m|n)?(?!{W})")
# Arabic perfective of event verbs (feminine -ت, plural -وا/-ا, dual -تا), with the
# conjunctions و/ف and لقد/قد before it.
_AR_STEMS = (r"هاجم|قصف|ضرب|قتل|قُتل|أصاب|أصيب|دمر|دمّر|سيطر|دخل|وصل|غادر|انسحب|عبر|وقع|وقّع"
             r"|فتح|افتتح|أغلق|حرر|حرّر|اعتقل|أجلى|أطلق|أسقط|انفجر|أحرق|حاصر|سلم|سلّم|التقى"
             r"|اجتمع|عقد|انتخب|مات|توفي|فر|فرّ|نزح|زار|استأنف|علق|علّق|اندلع|شن|شنّ|استهدف"
             r"|هز|هزّ|تسلم|تسلّم|استعاد|اقتحم|نفذ|نفّذ|تقدم|تقدّم|سقط")
_AR = rf"(?<!{W})(?:[وف])?(?:(?:ل)?قد\s+)?(?:{_AR_STEMS})(?:ت|وا|ا|تا)?(?!{W})"

_TABLES: dict[str, re.Pattern[str]] = {
    code: re.compile(rx, re.IGNORECASE)
    for code, rx in (("fr", _FR), ("es", _ES), ("de", _DE), ("ru", _RU), ("tr", _TR),
                     ("ar", _AR))
}  # fmt: skip


def past_event(code: str, sentence: str) -> re.Match[str] | None:
    """The first finite past form of an event verb in `sentence` (language `code`)."""
    table = _TABLES.get(code)
    return table.search(sentence) if table is not None else None


def who_did_what(sentence: str, verb: re.Match[str] | None) -> str:
    """The sentence's subject, verb and the start of its object, cut at the first clause
    mark after the verb (a verb-final language keeps what comes before it); a dateline
    before the verb is left out."""
    if verb is None:
        return fit(sentence, _TITLE_LIMIT)
    tail = sentence[verb.end() : verb.end() + _AFTER_VERB + 40]
    mark = _CUT.search(tail)
    stop = verb.end() + (mark.start() if mark else len(tail))
    if stop - verb.end() > _AFTER_VERB:
        space = sentence.rfind(" ", verb.end(), verb.end() + _AFTER_VERB + 1)
        stop = space if space > verb.end() else stop
    dash = max(sentence.rfind(d, 0, verb.start()) for d in (" - ", " – ", " — "))
    begin = dash + 3 if dash >= 0 else 0  # "GENÈVE, 3 mars 2022 (AFP) - ": the dateline
    head = sentence[begin:stop].rstrip(" .")
    verb_end = verb.end() - begin
    return fit(head, _TITLE_LIMIT, keep=min(len(head), verb_end))
