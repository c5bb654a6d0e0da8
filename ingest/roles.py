"""Who is who around an activity: beneficiaries, donors, partners, hosts, venues and excluded countries.

Names joined by commas and "and" ("и", "et") form a run that shares one role, read from the words just
before the run, in English, Russian or French: "financed by Switzerland", "при финансовой поддержке
Германии", "avec le soutien de la Belgique" (donor); "experts from Denmark", "эксперты из Германии", "des
experts de la Suisse" (partner); "except Albania" (excluded); "hosted by Georgia", "(host: Serbia)",
"accueilli par la Géorgie" (host). Some words name a country that has no role in the activity ("observers
from Romania", "rivers that flow into neighbouring Kazakhstan", "a similar project carried out earlier in
Kazakhstan", "accident at"); so do some words after a run ("Armenia and Azerbaijan are Parties to the
Convention", "la Suisse soutient", which makes a donor). A country right after a city ("Split, Croatia",
"Tirana (Albania)", "Geneva Switzerland") is the venue's country. Any other country or region is a
beneficiary ("for", "для", "pour", "в интересах", "au profit de"); any other organisation is a partner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.records import Mention

NAMES = ("COUNTRY", "REGION", "ORG", "CITY")

_RUN_GAP = re.compile(
    r"^\s*(?:,|;|\band\b|\bor\b|&|,\s*and\b|\bas well as\b|\bи\b|,\s*и\b|\bа также\b|\bet\b|,\s*et\b|\bainsi que\b)?\s*(?:the\s+|(?:de\s+)?(?:la\s+|l'|l’|les\s+|le\s+|du\s+|des\s+|de\s+|d'|d’))?$",
    re.IGNORECASE,
)
# "the Federal Office for the Environment (FOEN) of Switzerland", "l'OFEV de la Suisse": the organisation's country
_OWNER_GAP = re.compile(r"^\s*\)?\s*(?:\([^()]{1,20}\)\s*)?(?:of(?:\s+the)?|de(?:\s+la)?|du|d['’])\s*$", re.IGNORECASE)
_VENUE_GAP = re.compile(r"^\s*[,(]?\s*(?:the\s+)?$", re.IGNORECASE)
_THE = r"(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?"
_STOP = r"(?:в|во|на|для|из|с|со|к|и|а|in|to|for|and|at|on|en|au|aux|pour|et|dans|à|sur)"
_WORDS = r"(?:(?!" + _STOP + r"\s)[\w'’-]+\s+){0,%d}"


def _cue(pattern: str, words: int = 0) -> re.Pattern:
    """A cue ends right before the run; up to `words` words ("the Government of", "Федерального
    министерства окружающей среды") may stand between."""
    return re.compile(r"(?:" + pattern + r")[*_]*:?[*_]*\s*" + (_WORDS % words if words else "") + _THE + r"$", re.IGNORECASE)


# in order: the first cue that matches decides
_CUES = [
    (
        "excluded",
        _cue(
            r"\b(?:except|excluding|other than|apart from|but not)\s+(?:for\s+)?|\bкроме\b|\bза исключением\b|\bsauf\b|\bà l['’]exception\s+d"
        ),
    ),
    (
        "others",
        _cue(
            r"\b(?:observers?|observateurs?)\s+(?:\w+\s+)?(?:from|de|du|des|d['’])"
            r"|\bнаблюдател\w*\s+(?:от|из)|\bнаблюдател\w*(?:\s+[^\s.;]+){0,4}\s+представител\w*"
            r"|\bobservers?(?:\s+[^\s.;]+){0,4}\s+(?:representatives|delegations?|experts)\s+(?:of|from)"
            r"|\b(?:rises?|originates?|has\s+its\s+source)\s+in|\bбер[её]т\s+(?:сво[её]\s+)?начало\s+(?:в|во|на)|\bprend\s+sa\s+source\s+(?:en|au|dans)"
            r"|\b(?:flows?|flowing|cross(?:es|ing)?|drains?|runs?)\s+(?:on\s+)?(?:into|to|towards)(?:\s+neighbouring|\s+neighboring)?"
            r"|\b(?:теч[её]т|текущ\w*|впада\w*)\s+(?:в|во)|\b(?:coule\w*\s+vers|se\s+jet\w*\s+dans)"
            r"|\b(?:neighbou?ring|сосед\w*|voisin\w*)(?:\s+(?:countries|country|states?|государств\w*|стран\w*|pays|États))?(?:\s*[—–:-])?"
            r"|\bshar(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}with|\bграничит\s+с"
            r"|\b(?:being\s+)?(?:prepared|developed|agreed|signed|concluded|negotiated)\s+(?:jointly\s+)?with"
            r"|\b(?:earlier|previously)\s+(?:\w+\s+)?in|\bранее\s+(?:\w+\s+)?в|\b(?:précédemment|auparavant)\s+(?:\w+\s+)?(?:en|au)"
            r"|\b(?:accident|explosion|spill|fire|disaster)\s+(?:that\s+(?:occurred|happened)\s+)?at|\bавари\w*\s+на|\baccident\s+survenu\s+(?:en|au|à)"
            r"|\b(?:test|pilot)\s+sites?\s+in|\bpoints?\s+of\s+contact\s+of"
            r"|\b(?:first|second|third|fourth|fifth|next|last|latest|other)\s+countr(?:y|ies)\s+(?:of|in)"
            r"|\bafter"
            r"|\b(?:downstream|upstream)\s+(?:\w+\s+)?(?:in|to|into)|\bвниз\s+по\s+течению\s+(?:в|во)|\bвыше\s+по\s+течению\s+(?:в|во)|\ben\s+(?:aval|amont)\s+(?:en|au|aux|dans)"
            r"|\bParties\s+to\s+the\s+Convention(?:\s+such\s+as|,\s+including)?"
            r"|\b(?:used|applied|practi[sc]ed|in\s+force|utilisé\w*|appliqué\w*|pratiqué\w*|en\s+vigueur|применя\w*|использу\w*)\s+(?:en|au|aux|in|во?)"
            r"|\b(?:(?:the\s+)?experiences?\s+of|l['’]expérience\s+d[eu]|опыт\w*)"
            r"|\b(?:borders?|bordering)(?:\s+(?:with|of))?|\bграничащ\w*\s+с|\bfrontalier\w*\s+(?:de|du|des|avec)"
            # a body's name: "the Regional Environmental Center for Central and Eastern Europe"
            r"|(?-i:\b(?:Cent(?:er|re)|Institute|Network|Bank|Foundation|Association)\s+for(?:\s+Central\s+and)?)"
        ),
    ),
    (
        "donors",
        _cue(
            r"\b(?:(?:financed|funded|sponsored|paid for|supported financially)\s+(?:jointly\s+|mainly\s+|in part\s+|generously\s+)?by"
            r"|(?:financial\s+|generous\s+)?(?:funding|contributions?|grants?|financial support|financial contributions?)\s+(?:\w+\s+)?(?:from|of|by)"
            r"|donors?:?|thanks\s+to(?:\s+the)?\s+(?:support|contributions?)\s+(?:of|from))",
            3,
        ),
    ),
    ("donors", re.compile(r"\b(?:financed|funded|sponsored)\s+(?:jointly\s+)?by\b[^.;]{0,90}\band\s+by\s+(?:the\s+)?$", re.IGNORECASE)),
    (
        "donors",
        _cue(
            r"\b(?:при\s+(?:финансовой\s+)?поддержке|финансир\w+|(?:за\s+счёт|за\s+счет)\s+(?:средств|взнос\w*)|взнос\w*|грант\w*|финансов\w+\s+поддержк\w+|средства\w*\s+предоставил\w*)",
            6,
        ),
    ),
    (
        "donors",
        _cue(
            r"\b(?:financ\w*\s+par|soutenu\w*\s+(?:financièrement\s+)?par|(?:avec\s+)?(?:le\s+)?(?:soutien|appui)\s+(?:financier\s+)?d[eu]|contributions?\s+d[eu]|bailleurs?\s+de\s+fonds\s*:?)",
            8,
        ),
    ),  # ("financé par le ministère de la Transition écologique de la France")
    (
        "hosts",
        _cue(
            r"\bhost(?:ed\s+by|\s+country:?)?:?|\bat\s+the\s+invitation\s+of|\bhosted\s+in"
            r"|\bпринимающ\w+\s+(?:сторон\w+|стран\w+)\s*(?:—|-|:|выступил\w*)?|\bпо\s+приглашению|\bорганизован\w*\s+(?:\w+\s+){0,3}(?:правительств\w+|министерств\w+)"
            r"|\baccueilli\w*\s+par|\bpays\s+hôte\s*:?|\bà\s+l['’]invitation\s+d",
            6,  # "hosted by the Ministry of Environment of Romania"
        ),
    ),
    (
        "partners",
        _cue(
            r"\b(?:(?:international|foreign|external|invited)\s+specialists?|experts?|trainers?|lecturers?|speakers?|facilitators?|consultants?|moderators?|presenters?|evaluators?|assessors?|instructors?|mentors?|advis[eo]rs?),?\s+(?:\w+\s+)?from"
            r"|\b(?:one|two|three|four|another)\s+from"
            r"|\b(?:expert|trainer|speaker)s?\s+(?:came|come|coming)\s+from|moderated\s+by(?:\s+an?\s+expert\s+from)?"
            r"|support\s+of(?:\s+experts\s+from)?|supported\s+by|in\s+cooperation\s+with|in\s+partnership\s+with|together\s+with|jointly\s+with"
            r"|co-?organi[sz]ed\s+(?:with|by)|organi[sz]ed\s+by|implemented\s+by|carried\s+out\s+by"
        ),
    ),
    # "Ведущие: Италия", "Lead: Switzerland", "Chef de file : la Suisse": a workplan's lead countries
    (
        "partners",
        _cue(
            r"\b(?:ведущ\w*(?:\s+стран\w*)?|lead(?:\s+(?:countr\w+|partners?|organi[sz]ations?))?(?:\s+and\s+supporting\s+countries)?|chefs?\s+de\s+file)\s*:"
        ),
    ),
    (
        "participants",
        _cue(r"\bwith\s+(?:the\s+)?participation\s+of|\bпри\s+участии|\bс\s+участием|\bavec\s+la\s+participation\s+d(?:e|u|es|['’])", 3),
    ),
    ("specialists", _cue(r"\bспециалист\w*\s+из|\bspecialists?\s+from|\bspécialistes\s+(?:venus\s+)?d[eu]")),
    (
        "partners",
        _cue(
            r"\b(?:эксперт\w*|expert\w*|член\w*|members?|membres?)(?:\s+[^\s().,;]+){0,9}\s*\(|\b(?:эксперт\w*|тренер\w*|лектор\w*|преподавател\w*|докладчик\w*)\s+(?:\w+\s+){0,2}(?:[—–-]\s+)?из|\bэксперт\w*\s+(?:министерств|ведомств|агентств|служб|институт|центр|управлени|инспекци)\w*|\bв\s+сотрудничестве\s+с|\bсовместно\s+с|\bпри\s+участии\s+экспертов\s+из|\bфедеральн\w+\s+(?:агентств|министерств|ведомств|служб)\w*",
            5,
        ),
    ),
    (
        "partners",
        _cue(
            r"\b(?:experts?|formateurs?|intervenants?|conférenciers?)\s+(?:\w+\s+)?(?:venus?\s+)?(?:de|du|des|d['’])|\ben\s+coopération\s+avec|\ben\s+partenariat\s+avec|\bmis\s+en\s+œuvre\s+par|\boffice\s+fédéral",
            3,
        ),
    ),
]
# "… and the host country", "и принимающая страна", "et le pays hôte": the venue's country, after a run of names
_AND_HOST = re.compile(
    r"^\s*,?\s*(?:and|и|et)\s+(?:the\s+|la\s+|le\s+)?(?:host\s+country|принимающ\w+\s+стран\w*|"
    r"стран\w*[- ]хозяйк\w*|pays\s+(?:hôte|d['’]accueil|organisateur))\b",
    re.IGNORECASE,
)
# words right after a run
_AFTER = [
    (
        "beneficiaries",
        re.compile(
            r"^\s*(?:took\s+part|participated|attended|приняли\s+участие|участвовали|ont\s+participé|ont\s+pris\s+part)\b", re.IGNORECASE
        ),
    ),
    (
        "others",
        re.compile(
            r"^\s*,?\s*(?:(?:[^.;]{0,30}?\b)?as\s+(?:an?\s+)?(?:observers?|neighbouring\s+Part(?:y|ies)|neighboring\s+Part(?:y|ies))|в\s+качестве\s+наблюдател|en\s+tant\s+qu['’]observat)|^\s*,?\s*(?:after|following)\s+the\s+[\w\s-]{0,40}?\b(?:spill|explosion|accident|fire|disaster|failure|leak|release|earthquake|flood)|^\s*(?:,\s*)?(?:(?:is|are|was|were)\s+(?:already\s+)?(?:a\s+)?Part(?:y|ies)\s+to|являе?тся\s+Сторон|являются\s+Сторонами|(?:est|sont)\s+(?:déjà\s+)?(?:une\s+)?Parties?\s+à)",
            re.IGNORECASE,
        ),
    ),
    (
        "partners",
        re.compile(
            r"^\s*(?:accompagne|accompagnent|aide|aident|assiste|assistent|appuie|appuient|helps|assists|помогает|помогают|оказывает\s+(?:содействие|помощь))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "donors",
        re.compile(
            r"^\s*(?:(?:has|have)\s+)?(?:generously\s+)?(?:funds?|funded|finances?|financed|supports?|supported|sponsors?|sponsored)\b(?!\s+by)|^\s*(?:soutient|soutiennent|finance|financent|a\s+financé|contribue|contribuent|a\s+contribué)\b|^\s*(?:(?:has|have)\s+)?contribut(?:es|ed|ing)\s+(?:to|financially)\b|^\s*(?:финансирует|финансировал\w*|поддерживает|поддержал\w*|выделил\w*)\b",
            re.IGNORECASE,
        ),
    ),
]


@dataclass
class Roles:
    beneficiaries: list[str] = field(default_factory=list)
    donors: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    venue_countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # named, with no role in the activity
    participants: list[str] = field(default_factory=list)  # "with the participation of Romania": beneficiaries only if none is named
    host_country: bool = False  # "… Serbia, Turkey and the host country": the venue's country is one of them too

    def add(self, role: str, iri: str) -> None:
        bucket = getattr(self, role)
        if iri not in bucket:
            bucket.append(iri)


# "… and the Ministry of the Environment of the Czech Republic", "и Министерства окружающей среды Словении": a second
# body, named by its country, in the same list as the body before it
_AND_BODY_OF = re.compile(
    r"(?i)\b(?:and|et|и)\s+(?:the\s+|le\s+|la\s+|l['’])?(?:ministry|agency|office|inspectorate|institute|ministère|agence|office|"
    r"министерств\w*|ведомств\w*|агентств\w*|служб\w*|инспекци\w*|институт\w*)\b[^.;]{0,70}$"
)


_EXPERTS = re.compile(
    r"(?i)\b(?:experts?|trainers?|speakers?|lecturers?|specialists?|эксперт\w*|специалист\w*|тренер\w*|formateurs?|intervenants?)\b"
)


def _role(before: str, after: str, kind: str) -> str:
    cued = next((role for role, cue in _CUES if cue.search(before) and (role != "hosts" or kind in ("COUNTRY", "CITY"))), None)
    then = next((role for role, cue in _AFTER if cue.search(after)), None)
    if cued == "specialists":  # "specialists from Moldova took part" attend; "specialists from Germany" help
        return "beneficiaries" if then == "beneficiaries" else "partners"
    if cued is not None:
        return cued
    if then in ("others", "donors", "partners"):
        return then
    return "partners" if kind == "ORG" else "beneficiaries"


_PUBLICATION = re.compile(
    r"(?i)\b(?:газет\w*|журнал\w*|агентств\w*|издани\w*|newspaper|magazine|journal|daily|news agency|agence|quotidien)\s*$"
)


def _in_title_of_publication(text: str, pos: int) -> bool:
    """The name at pos is inside a quoted title of a newspaper or agency: газета «Нейтральный Туркменистан»."""
    opening = max(text.rfind("«", max(0, pos - 60), pos), text.rfind("“", max(0, pos - 60), pos))
    if opening < 0 or any(c in text[opening:pos] for c in "»”"):
        return False
    return bool(_PUBLICATION.search(text, max(0, opening - 30), opening))


def assign_roles(mentions: list[Mention], text: str, offset: int, scope_start: int) -> Roles:
    """Roles of the name mentions in one scope. text is the Document text, or a part of it starting at offset."""
    roles = Roles()
    names = sorted((m for m in mentions if m.kind in NAMES), key=lambda m: m.start)
    runs: list[list[Mention]] = []
    owners: dict[int, Mention] = {}  # a country named as an organisation's, by its start -> the organisation
    previous: Mention | None = None
    for m in names:
        if _in_title_of_publication(text, m.start - offset):
            roles.add("others", m.iri)  # «Нейтральный Туркменистан», the newspaper
            continue
        gap = text[previous.end - offset : m.start - offset] if previous else ""
        if previous is not None and previous.kind == "ORG" and m.kind == "COUNTRY" and _OWNER_GAP.match(gap):
            owners[m.start] = previous
            previous = m
            continue
        if m.kind == "CITY":  # a venue, unless named as an accident's site, a neighbour, an earlier place
            lo = max(scope_start, m.start - 80)
            before = " ".join(re.split(r"[.;!?]\s|\n\s*\n", text[lo - offset : m.start - offset])[-1].split()) + " "
            cued = next((role for role, cue in _CUES if cue.search(before)), None)
            roles.add("others" if cued == "others" else "places", m.iri)
        elif previous is not None and previous.kind == "CITY" and m.kind == "COUNTRY" and _VENUE_GAP.match(gap):
            roles.add("venue_countries", m.iri)
        elif runs and previous is not None and previous.kind != "CITY" and previous in runs[-1] and _RUN_GAP.match(gap):
            runs[-1].append(m)
        else:
            runs.append([m])
        previous = m
    last_role: str | None = None
    for run in runs:
        head, tail = run[0], run[-1]
        lo = max(scope_start, head.start - 80)
        before = text[lo - offset : head.start - offset]
        before = " ".join(re.split(r"[.;!?]\s|\n\s*\n|[·|•]", before)[-1].split()) + (" " if before[-1:].isspace() else "")
        after = text[tail.end - offset : tail.end - offset + 60]
        after = re.split(r"[.;:!?]\s", after)[0]
        if _AND_HOST.match(after):
            roles.host_country = True
        for m in run:
            role = _role(before, after, m.kind)
            if role == "beneficiaries" and m.kind not in ("COUNTRY", "REGION"):
                role = "partners"
            if (
                role == "beneficiaries"
                and last_role == "partners"
                and _AND_BODY_OF.search(before)
                and _EXPERTS.search(text, max(scope_start, head.start - 200) - offset, head.start - offset)
            ):
                role = last_role  # "Trainers from the UBA and the Ministry of the Environment of the Czech Republic"
            roles.add(role, m.iri)
            last_role = role
    for start, org in owners.items():  # the country funds what its organisation funds, and has no other part
        country = next(m for m in names if m.start == start)
        roles.add("donors" if org.iri in roles.donors else "others", country.iri)
    return roles
