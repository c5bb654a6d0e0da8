"""What a query or a question names, read with the ingest gazetteer and tagger: the countries (former names
too), regions and towns, the years ("in 2021", "since 2015", "с 2016 по 2019 год", "entre 2015 et 2017"), the
kinds of activity and topics, whether it asks for what was held online; in which language it is written; and
whether it asks for what the graph does not hold (a cost, a population, the weather). Search (server.query.search)
and questions (server.query.ask) read queries with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.morph import has_cyrillic
from ingest.reference import Lexicon

# question words and the like, never matched nor marked
STOP_WORDS = {
    "the",
    "and",
    "for",
    "which",
    "what",
    "who",
    "where",
    "when",
    "how",
    "did",
    "does",
    "was",
    "were",
    "had",
    "has",
    "have",
    "are",
    "with",
    "from",
    "that",
    "this",
    "into",
    "about",
    "many",
    "much",
    "any",
    "all",
    "their",
    "its",
}


@dataclass(frozen=True)
class Understanding:
    countries: tuple[str, ...] = ()  # boosted: what benefits one of these (directly or through a region)
    years: tuple[int, int] | None = None  # boosted: what overlaps these years
    places: tuple[str, ...] = ()  # towns, boosted: what is held there
    online: bool = False  # "online", "онлайн", "en ligne": boosted, what was held online
    types: tuple[str, ...] = ()  # boosted
    topics: tuple[str, ...] = ()  # boosted, and their preferred labels added to the words matched
    mentions: tuple[tuple[str, str, str], ...] = ()  # (kind, text, IRI) as recognised
    donors: tuple[str, ...] = ()  # "funded by Switzerland", "financé par l'OFEV": boosted, what they funded (see search)
    planned: bool | None = None  # True: it asks for what is planned ("prévues"); False: for what was held ("happened")


def capitalised(text: str, lexicon: Lexicon) -> str:
    """text with each lowercase word that is the name of a country, region or town (in any of its forms:
    "бишкеке") capitalised, as the tagger finds names: "events in bishkek" → "events in Bishkek"."""
    from ingest import morph

    def title(m: re.Match) -> str:
        word = m.group(0)
        if any(lemma in lexicon.one_word_places for lemma in morph.lemmas(word) if lemma not in STOP_WORDS):
            return word[:1].upper() + word[1:]
        return word

    return re.sub(r"\b[^\W\d_A-ZА-ЯЁ][^\W\d_]{3,}\b", title, text)


def waters_named(text: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    """The rivers, lakes and seas text names, as (words, IRI): "Syr Darya", "на Днестре" (by its dictionary form),
    "le Dniestr". A name of three letters or fewer counts only as written ("Chu"), a longer one in any case."""
    from ingest import morph

    found: dict[str, str] = {}
    words = re.findall(r"[\w'’-]+", text)
    for name, iri in lexicon.waters.items():
        if " " in name or "-" in name:
            hit = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE)
            if hit:
                found.setdefault(hit.group(0), iri)
            continue
        for word in words:
            same = word == name if len(name) <= 3 else word.lower() == name.lower()
            if same or len(name) > 3 and has_cyrillic(word) and name.lower().replace("ё", "е") in morph.lemmas(word):
                found.setdefault(word, iri)
    return list(found.items())


def understand(query: str, nlp, lexicon: Lexicon) -> Understanding:
    query = capitalised(query, lexicon)
    doc = nlp(query)
    countries: set[str] = set()
    types, mentions, places, online = [], [], [], False
    spans: list[tuple[int, int, str]] = []  # each date named, with the words before it: "between 2015 and 2017" names two
    for ent in doc.ents:
        mentions.append((ent.label_, ent.text, ent.ent_id_))
        if ent.label_ == "COUNTRY":
            countries.add(ent.ent_id_)
        elif ent.label_ == "REGION":
            countries |= lexicon.region_members.get(ent.ent_id_, frozenset())
        elif ent.label_ == "CITY":  # a town is not its whole country: "workshops in Almaty"
            places.append(ent.ent_id_)
        elif ent.label_ == "ONLINE":
            online = True
        elif ent.label_ == "ACTIVITY":
            types.append(ent.ent_id_)
        elif ent.label_ == "DATE" and ent._.date_range is not None:
            start, end = int(ent._.date_range.start[:4]), int(ent._.date_range.end[:4])
            before = query[: ent.start_char].lower().rstrip()
            spans.append((start, end, before))
    years = (min(s for s, _, _ in spans), max(e for _, e, _ in spans)) if spans else None
    if len(spans) == 1:  # (one year: "since 2019" runs on, "before 2010" back; "from 2016 to 2019" is two)
        start, end, before = spans[0]
        if _SINCE.search(before):
            years = (start, 9999)
        elif _UNTIL.search(before):  # ("until 2010" keeps 2010; "before 2010" leaves it out)
            years = (0, start)
        elif _BEFORE.search(before):
            years = (0, start - 1)
    topics = tuple(dict.fromkeys(span.label_ for span in doc.spans.get("topics", [])))
    mentions += [("TOPIC", span.text, span.label_) for span in doc.spans.get("topics", [])]
    mentions += [("WATER", text, iri) for text, iri in waters_named(query, lexicon)]
    donors: tuple[str, ...] = ()
    if _FUNDED.search(query):  # a country or organisation named with a word of funding may be the donor
        donors = tuple(
            dict.fromkeys(
                [iri for kind, _, iri in mentions if kind in ("COUNTRY", "ORG")]
                + [iri for name, iri in lexicon.demonyms.items() if re.search(rf"\b{re.escape(name)}\b", query)]
            )
        )
    planned = True if _PLANNED.search(query) else False if _HELD.search(query) else None
    return Understanding(
        countries=tuple(sorted(countries)),
        places=tuple(places),
        online=online,
        years=years,
        types=tuple(types),
        topics=topics,
        mentions=tuple(mentions),
        donors=donors,
        planned=planned,
    )


# what is planned ("planned", "upcoming", "prévues", "запланированные") or what was held ("happened", "took place",
# "прошли", "ont eu lieu")
_PLANNED = re.compile(
    r"(?i)\b(?:planned|upcoming|scheduled|forthcoming|will\s+be\s+held|prévu\w*|planifié\w*|à\s+venir|"
    r"запланирован\w*|планируем\w*|предстоящ\w*)\b"
)
_HELD = re.compile(
    r"(?i)\b(?:happened|took\s+place|(?:was|were)\s+(?:held|carried\s+out|organi[sz]ed)|прош(?:ли|ло|ла|[её]л)|"
    r"состоял\w*|проводил\w*|было|a\s+eu\s+lieu|ont\s+eu\s+lieu|s['’]est\s+tenu\w*|se\s+sont\s+tenu\w*)\b"
)
# "funded by", "financed", "sponsored", "donor", "paid for", "financé par", "bailleur", "финансируемые", "при поддержке"
_FUNDED = re.compile(
    r"(?i)\b(?:fund(?:ed|ing|s)?|financ\w*|sponsor\w*|donors?|paid\s+for|bailleurs?|финансир\w*|"
    r"профинансир\w*|спонсир\w*|донор\w*|при\s+поддержке)\b"
)
# the words before a single year that make it a bound: "since 2019", "с 2015 года", "depuis 2018"; "before 2010"
_SINCE = re.compile(r"(?:\b(?:since|after|from|starting|depuis|après|partir de|dès)|(?:^|\s)(?:с|со|после|начиная с))$")
_BEFORE = re.compile(r"(?:\b(?:before|prior to|avant)|(?:^|\s)(?:до|ранее))$")
_UNTIL = re.compile(r"(?:\b(?:until|till|up to|through|jusqu'en|jusqu’en|jusqu'à|jusqu’à)|(?:^|\s)(?:по|вплоть до))$")


# What a question may ask for that the graph does not hold: costs and budgets, populations and capitals, the weather,
# contact details, and what no programme document is about (recipes, jokes, sport results, prices of coins). Such a
# question is not answered by a saved query, however well its other words fit one ("population of Kazakhstan"
# names a country; "Сколько стоил проект по хвостохранилищам" a topic). Stems, in English, Russian and French.
_NOT_HELD = re.compile(
    r"\b(?:cost|costs|costed|budget\w*|price\w*|spend\w*|spent|expenditure\w*|salar\w+|population\w*|inhabitants|"
    r"capital of|capital city|weather|temperature|e-?mail\w*|(?:postal|street|web) address\w*|address of|phone\w*|"
    r"telephone\w*|contact details|recipe\w*|joke\w*|football|bitcoin|exchange rate|stock price|gdp|"
    r"стои\w*|стоимост\w*|бюджет\w*|цен[аыуе]|расход\w*|населени\w*|столиц\w*|погод\w*|телефон\w*|адрес\w*|"
    r"электронн\w* почт\w*|рецепт\w*|анекдот\w*|шутк\w*|футбол\w*|биткоин\w*|курс валют\w*|"
    r"co[uû]t\w*|budg[eé]t\w*|prix|dépens\w*|habitants|capitale|météo|courriel\w*|téléphone\w*|adresse\w*|"
    r"recette\w*|blague\w*)\b",
    re.IGNORECASE,
)


def not_held(question: str) -> str | None:
    """The word by which a question asks for what the graph does not hold ("population", "стоил", "météo"), or None."""
    found = _NOT_HELD.search(question)
    return found.group(0) if found else None


ONLINE_NAMES = frozenset({"online", "virtual", "videoconference", "en ligne", "visioconférence", "онлайн", "видеоконференция"})
NO_RESULTS = {"en": "no relevant results", "ru": "ничего относящегося к делу не найдено", "fr": "aucun résultat pertinent"}
_FRENCH_WORDS = re.compile(
    r"\b(?:le|la|de|les|des|du|aux|une|pour|dans|avec|sur|est|été|à|en|quel\w*|quand|qui|où|combien|activités?|"
    r"ateliers?|formations?|séminaires?|exercices?)\b|[éèêàùçœ]|\b[dlDL]['’]\w",
    re.IGNORECASE,
)


def language(text: str) -> str:
    """The language a query is written in, as far as a few words tell: ru (Cyrillic), fr or en."""
    if has_cyrillic(text):
        return "ru"
    return "fr" if _FRENCH_WORDS.search(text) else "en"


def understood_json(meaning: Understanding) -> dict:
    """What was understood, as JSON."""
    return {
        "countries": list(meaning.countries),
        "online": meaning.online,
        "years": list(meaning.years) if meaning.years else None,
        "types": list(meaning.types),
        "topics": list(meaning.topics),
        "donors": list(meaning.donors),
        "planned": meaning.planned,
        "mentions": [list(m) for m in meaning.mentions],
    }


def overlaps(start: str | None, end: str | None, years: tuple[int, int]) -> bool:
    """Whether dates (ISO, any precision; no end: the start's year) overlap the years; undated never does."""
    if not start:
        return False
    return int(start[:4]) <= years[1] and int((end or start)[:4]) >= years[0]


def kind_words(name: str) -> str:
    """A kind of activity's class name in words: "TrainingSession" -> "training session"."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()
