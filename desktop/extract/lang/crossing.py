"""What lets an Arabic (French, Russian ...) report match an English one of the same
happening: place and actor names in their English form, figures written alike, and the
event verb as the English lemma (services.matching compares names, figures and verb).

A small alias table, not a transliterator: the places and bodies Syria coverage names
most, with their spellings and case forms in each language (clitics for Arabic).
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.extract.lang.engine import W

# English name -> forms (regexes; Russian and Turkish forms take their case endings).
ALIASES: dict[str, str] = {
    "Syria": r"سوريا|سورية|Syrie|Siria|Syrien\w*|Сири\w*|Suriye\w*",
    "Turkey": r"تركيا|Turquie|Turquía|Türkei|Турци\w*|Türkiye\w*",
    "Idlib": r"إدلب|ادلب|Idleb|Idlib|Идлиб\w*|İdlib\w*",
    "Bab al-Hawa": r"باب الهوى|Bab al-Hawa|Bab el-Hawa|Баб-эль-Хава|Bab el-Heva\w*",
    "Aleppo": r"حلب|Alep|Alepo|Aleppo|Алеппо|Halep\w*",
    "Damascus": r"دمشق|Damas|Damasco|Damaskus|Дамаск\w*|Şam\w*",
    "Beirut": r"بيروت|Beyrouth|Beirut|Бейрут\w*|Beyrut\w*",
    "Ankara": r"أنقرة|انقرة|Ankara\w*|Анкар\w*",
    "Moscow": r"موسكو|Moscou|Moscú|Moskau|Москв\w*|Moskova\w*",
    "Geneva": r"جنيف|Genève|Ginebra|Genf|Женев\w*|Cenevre\w*",
    "Cairo": r"القاهرة|Le Caire|El Cairo|Kairo|Каир\w*|Kahire\w*",
    "Euphrates": r"الفرات|Euphrate|Éufrates|Euphrat|Евфрат\w*|Fırat\w*",
    "Deir ez-Zor": r"دير الزور|Deir ez-Zor|Deir Ezzor|Дейр-эз-Зор\w*|Deir ez-Zor\w*",
    "Kahramanmaras": r"كهرمان مرعش|Kahramanmaraş\w*|Кахраманмараш\w*",
    "United Nations": r"الأمم المتحدة|Nations unies|Naciones Unidas|Vereinte\w* Nationen"
    r"|ООН|Birleşmiş Milletler\w*|ONU",
    "Security Council": r"مجلس الأمن|Conseil de sécurité|Consejo de Seguridad|Sicherheitsrat\w*"
    r"|Совет\w* Безопасности|Güvenlik Konseyi\w*",
    "International Monetary Fund": r"صندوق النقد الدولي|FMI|IWF|МВФ|Uluslararası Para Fonu\w*",
    # Neighbours and powers Syria coverage names, and the Syrian and border towns it names
    # most. The bundled gazetteer holds Latin alternates of towns (Alep, Halep, Damasco)
    # but no Arabic or Cyrillic names and no country alternates, so these are by hand.
    "Lebanon": r"لبنان|Liban|Líbano|Libanon\w*|Ливан\w*|Lübnan\w*",
    "Iraq": r"(?:ال)?عراق|Irak\w*|Ирак\w*",
    "Jordan": r"(?:ال)?أردن|(?:ال)?اردن|Jordanie|Jordania|Jordanien\w*|Иордани\w*|Ürdün\w*",
    "Iran": r"إيران|ايران|Iran\w*|Irán|İran\w*|Иран\w*",
    "Russia": r"روسيا|Russie|Rusia|Russland\w*|Росси(?:я|и|ю|ей)|Rusya\w*",
    "Israel": r"إسرائيل|اسرائيل|Israël|Israel\w*|Израил\w*|İsrail\w*",
    "Egypt": r"مصر|Égypte|Egipto|Ägypten\w*|Египт\w*|Mısır\w*",
    "Gaza": r"غزة|Gaza\w*|Gazze\w*|сектор\w* Газа",
    "Hama": r"حماة|Hama|Хам(?:а|е|у|ы|ой)|Hama\w*",
    "Homs": r"حمص|Homs|Хомс\w*|Humus\w*",
    "Raqqa": r"(?:ال)?رقة|Raqqa|Rakka\w*|Ракк\w*",
    "Daraa": r"درعا|Deraa|Daraa|Дараа",
    "Latakia": r"(?:ال)?لاذقية|Lattaquié|Latakia|Латаки\w*|Lazkiye\w*",
    "Qamishli": r"(?:ال)?قامشلي|Qamichli|Qamishli|Kamışlı\w*|Камышл\w*",
    "Afrin": r"عفرين|Afrin\w*|Африн\w*",
    "Manbij": r"منبج|Manbij|Menbiç\w*|Манбидж\w*",
    "Hatay": r"هاتاي|Hatay\w*|Хатай\w*",
    "Gaziantep": r"غازي عنتاب|Gaziantep\w*|Газиантеп\w*",
    "Istanbul": r"إسطنبول|اسطنبول|Istanbul|İstanbul\w*|Estambul|Стамбул\w*",
    "Astana": r"أستانا|استانا|Astana\w*|Астан\w*",
    "Brussels": r"بروكسل|Bruxelles|Bruselas|Brüssel|Брюссел\w*|Brüksel\w*",
    "Golan": r"(?:ال)?جولان|Golan\w*|Голан\w*",
}
# English lemma -> the verb's forms in each language (stems as regexes).
VERBS: dict[str, str] = {
    "enter": r"دخل\w*|تدخل|يدخل|entr(?:é|ée|és|ées|ent)|entr(?:ó|aron)|вошл\w*|вошёл|girdi\w*",
    # an earthquake "occurred" in Russian and Turkish news where English says it "struck"
    "strike": r"ضرب|ضربت|هز|هزت|frapp\w+|sacud\w+|erschütter\w+|girdi(?!\w)"
    r"|произошл\w*|произошёл|обрушил\w*|meydana gel\w+|vurdu|sarstı\w*|потряс\w*",
    "sign": r"وقّع\w*|وقعا|وقعوا|sign(?:é|ée|és|ées|ent|era|eront)|firm\w+|unterzeichn\w+"
    r"|подписал\w*|подпишут|imzala\w*",
    "kill": r"قتل|قُتل|مقتل|tu(?:é|ée|és|ées)|mat(?:ó|aron)|getötet|tötete\w*|убит\w*|öldürül\w*"
    r"|погиб\w*|убил\w*|öldü(?:ğü|rdü)?\w*|murieron|muerto\w*|morts?|starben",
    "meet": r"اجتمع\w*|التقى|يلتقي|سيلتقي|rencontr\w+|réuni\w*|reuni\w+|reún\w+|trafen|traf"
    r"|встретил\w*|встретятся|görüş\w+|bir araya geldi\w*",
    "arrive": r"وصل\w*|يصل|ستصل|arriv\w+|lleg\w+|eingetroffen|angekommen|прибыл\w*|прибуд\w+"
    r"|geldi\w*|ulaştı\w*",
    "announce": r"أعلن\w*|annonc\w+|anunci\w+|angekündigt|kündigte\w*|объявил\w*|duyur\w+",
    "attack": r"هاجم\w*|استهدف\w*|attaqu\w+|atac(?:ó|aron|ado|ada)|angegriffen|griffen?"
    r"|атаковал\w*|напал\w*|saldır(?:dı|ıda)\w*",
    "withdraw": r"انسحب\w*|retir(?:é|ée|és|ées|ent|ó|aron)|abgezogen|zogen|вывел\w*|отвел\w*"
    r"|отошл\w*|çekildi\w*",
    # "opened again": the English lemma is "reopen" (the re- forms, and a verb of doing
    # again before "open": أعادت ... فتح, wieder ... geöffnet, вновь открыла, yeniden açtı)
    "reopen": r"أعاد\w*(?:\s+\S+){0,4}?\s+[وب]?فتح\w*|rouv(?:ert|erte|erts|ertes|rir|re|rent)"
    r"|reabri\w+|wieder(?:\s+\S+){0,4}?\s+(?:geöffnet|öffnete\w*)|(?:вновь|снова|повторно)\s+"
    r"открыл\w*|yeniden\s+(?:açtı|açıldı)\w*",
    "open": r"فتح\w*|افتتح\w*|ouvert\w*|abri(?:ó|eron)|geöffnet|öffnete\w*"
    r"|открыл\w*|открыт\w*|açıldı\w*|açtı\w*",
    "close": r"أغلق\w*|ferm(?:é|ée|és|ées|ent)|cerr(?:ó|aron|ado|ada)|geschlossen|schloss\w*"
    r"|закрыл\w*|закрыт\w*|kapatıldı\w*|kapattı\w*",
}
_FIGURE = re.compile(r"\d+(?:[.,٫]\d+)*")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "0123456789" * 2 + ".")


@lru_cache(maxsize=1)
def _compiled() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
    clitic = r"(?:[وفبل]|وب|ول|ال)?"
    def one(rx: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!{W}){clitic}(?:{rx})(?!{W})", re.IGNORECASE)
    return ([(n, one(rx)) for n, rx in ALIASES.items()],
            [(v, one(rx)) for v, rx in VERBS.items()])  # fmt: skip


def names_of(sentence: str) -> tuple[str, ...]:
    """The alias table's names in a sentence, in their English form."""
    return tuple(name for name, rx in _compiled()[0] if rx.search(sentence))


def with_countries(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names plus the country of each town or region among them: "Kahramanmaraş"
    says "Turkey" to a reader of the English report that names only the country."""
    from desktop.extract.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    out = dict.fromkeys(names)
    for name in names:
        located = gazetteer.locate(name)
        if located and located.best and not located.is_country:
            country = gazetteer.country_name(located.best.country)
            if country:
                out[country] = None
    return tuple(out)


def verb_of(sentence: str) -> str:
    """The English lemma of the first event verb the table knows in the sentence."""
    hits = [(m.start(), lemma) for lemma, rx in _compiled()[1] if (m := rx.search(sentence))]
    return min(hits)[1] if hits else ""


def figures_of(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> tuple[str, ...]:
    """Figures as English writes them ("7,8" -> "7.8", "6.000" -> "6000", "٣٠٠" -> "300"),
    leaving out the digits of date phrases and years."""
    chars = list(text[start:end].translate(_DIGITS))
    for a, b in dates:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = " "
    out = set()
    for m in _FIGURE.finditer("".join(chars)):
        figure = m.group()
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", figure):
            figure = re.sub(r"[.,]", "", figure)  # thousands
        figure = figure.replace(",", ".")
        if not (len(figure) == 4 and figure[:2] in ("19", "20")):
            out.add(figure)
    return tuple(sorted(out))
