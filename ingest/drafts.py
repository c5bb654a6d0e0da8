"""Activities while they are being read (Draft), and how they become frozen Activity records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.records import Activity, Evidence
from ingest.reference import Lexicon
from ingest.roles import Roles
from ingest.vocab import IAC, ID


@dataclass
class Draft:
    """An activity while it is being read; frozen into an Activity at the end."""

    type: str
    label: str
    segment_kind: str
    prose: bool
    start: str | None = None
    end: str | None = None
    place: str | None = None
    venue_country: str | None = None
    online: bool = False
    planned: bool = False
    roles: Roles = field(default_factory=Roles)
    topics: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)  # topics it is said to be about ("The workshop focused on …")
    named: bool = False  # its title names a topic
    parent: Draft | None = None
    evidence: list[tuple[int, int, str]] = field(default_factory=list)
    listed: bool = False  # its beneficiaries come from a "Beneficiary countries" fact: prose adds none
    section: list[str] = field(default_factory=list)  # the countries the heading over it names ("## Украина: …")
    teaser: bool = False  # named with others, undated, in one sentence that announces what the page tells

    def take(self, info: Info, dates: bool = True) -> None:
        if dates and info.dates and self.start is None:
            self.start, self.end = info.dates
        if info.roles.places and self.place is None and not self.online:  # (an online event named with another's venue)
            self.place = info.roles.places[0]
        if info.roles.venue_countries and self.venue_country is None:
            self.venue_country = info.roles.venue_countries[0]
        self.online = self.online or info.online
        self.roles.host_country = self.roles.host_country or info.roles.host_country
        for role in ("beneficiaries", "donors", "partners", "hosts", "excluded", "participants"):
            if self.listed and role in ("beneficiaries", "participants"):
                continue
            for iri in getattr(info.roles, role):
                self.roles.add(role, iri)
        for topic in info.topics:
            if topic not in self.topics:
                self.topics.append(topic)
            if info.focus and topic not in self.focus:
                self.focus.append(topic)


@dataclass
class Info:
    dates: tuple[str, str | None] | None  # (no end: begun, not ended)
    roles: Roles
    online: bool
    topics: list[str]
    focus: bool = False  # the text says these topics are what the activity is about


# Words saying what an activity is about ("focused on", "was devoted to", "participants discussed", "examineront",
# "посвящён", "обсудили"); a fact row ("Topics: …") or an agenda slot says it too.
_FOCUS = re.compile(
    r"\b(?:focus\w*|devoted|dedicated|address\w*|cover\w*|discuss\w*|deal\w*\s+with|topics?|themes?|aimed|tested|trained"
    r"|exchange\w*\s+(?:experience|views|good\s+practices?)|(?:were|was)\s+introduced\s+to|familiari[sz]ed\s+with|tags|keywords|spen[dt]\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}(?:days?|morning|afternoon|sessions?)\s+on|(?:over|during)\s+(?:the\s+)?(?:two|three|four|five|\d)\s+days|(?<!lessons\s)learn\w*|practi[sc]\w*|examin\w*|review\w*|consider\w*|aim\w*|objectives?|purpose)\b"
    r"|\bhelp(?:s|ed)?\s+(?:\w+\s+){0,3}(?:to|with)\b|помога\w*|помог\b|поможет|направлен\w*\s+на|\b(?:aide(?:nt|ra)?|a\s+aidé)\s+(?:les|le|la|à)\b"
    r"|посвящ|обсу[дж]|охват\w*|отраб[оа]т\w*|ознаком\w*|\bт[еэ]ги\b|mots-clés|в\s+течение\s+(?:двух|тр[её]х|четыр[её]х|пяти)\s+дней|(?:pendant|durant)\s+(?:deux|trois|quatre|cinq)\s+jours|рассмотр|\bтем[аыуе]\b|\bцель\b|\bцелью\b|\bцели\b|consacr|examin|pass\w*\s+en\s+revue|port\w*\s+sur|abord|discut|thèmes?|échang|objectifs?\b|\bvis(?:e|ent|ait)\s+à",
    re.IGNORECASE,
)


# "Participants will:", "The workshop aims to:", "Les participants vont :", "Участники семинара смогут:": the points
# listed after it are what the activity covers
_POINTS = re.compile(
    r"\b(?:will|shall|aims?\s+to|is\s+to|are\s+to|(?:intended|expected|designed)\s+to|vont|pourront|devront|permettr\w+\s+de"
    r"|будут|смогут|позволит|призван\w*)\s*:\s*$",
    re.IGNORECASE,
)


def points_intro(intro: str) -> bool:
    """Whether a list's intro line announces what the activity will do or cover: its points say its topics."""
    return intro.rstrip().endswith(":") and (_POINTS.search(intro) is not None or says_focus(intro, 0, len(intro)))


def says_focus(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] says what an activity is about, not only mentions a topic in passing."""
    return _FOCUS.search(text, start, end) is not None


def venue_country(draft: Draft, lexicon: Lexicon) -> str | None:
    """The country the activity is held in: as the text names it beside the town, else the town's."""
    return draft.venue_country or (lexicon.place_country.get(draft.place) if draft.place else None)


# An activity's name that says it is for several countries
_WIDE = re.compile(
    r"regional|international|joint|cross-border|transboundary|региональн|международн|совместн|трансграничн"
    r"|régional|conjoint|commun|transfrontali|transfronti",
    re.IGNORECASE,
)


def beneficiaries(draft: Draft, lexicon: Lexicon, context: list[str], seen: frozenset = frozenset()) -> list[str]:
    """Named beneficiaries; else the project's; else, in prose, the lead paragraph's; else the venue's
    country if it is a Programme country. Never a donor country (iac:donorCountry: Switzerland, France …)."""
    found = [b for b in _beneficiaries(draft, lexicon, context, seen) if b not in lexicon.donor_countries]
    if not found and (country := venue_country(draft, lexicon)) in lexicon.programme_countries:
        return [country]
    return found


def _beneficiaries(draft: Draft, lexicon: Lexicon, context: list[str], seen: frozenset) -> list[str]:
    if draft.roles.beneficiaries:
        host = venue_country(draft, lexicon)
        if draft.roles.host_country and host and host not in draft.roles.beneficiaries:  # ("… and the host country")
            return [*draft.roles.beneficiaries, host]
        return draft.roles.beneficiaries
    if draft.roles.participants:
        return draft.roles.participants
    if draft.parent is not None and id(draft.parent) not in seen:
        inherited = _beneficiaries(draft.parent, lexicon, context, seen | {id(draft)})
        host = venue_country(draft, lexicon)
        if host in inherited and any("/region/" in b for b in inherited) and not _WIDE.search(draft.label):
            # a part of a project for a country and its region, held in that country and not called regional, is
            # for the country: "a training course for inspectors (Almalyk)" of one for Uzbekistan and Central Asia
            return [host]
        if inherited:
            return inherited
    if draft.prose and (draft.section or context):
        return [c for c in (draft.section or context) if c not in draft.roles.excluded]
    country = venue_country(draft, lexicon)
    if country in lexicon.programme_countries:
        return [country]
    return []


# An exercise practises the response to an emergency, whatever its scenario: every exercise is about emergency
# response (all 12 exercises of held-out 5 and 6, written blind, are), besides what its title and text name.
EXERCISE_TOPIC = str(ID["topic/emergency-response"])


def topics(draft: Draft, lexicon: Lexicon, seen: frozenset = frozenset()) -> tuple[str, ...]:
    """What the title names and the text says the activity is about; an exercise's emergency response; for a part
    of a project whose title names no topic, the project's topics but its working areas (tests/data/TOPICS.md)."""
    own = list(dict.fromkeys(draft.topics))
    if lexicon.is_a(draft.type, str(IAC.Exercise)) and EXERCISE_TOPIC not in own:
        own.append(EXERCISE_TOPIC)
    if draft.parent is not None and not draft.named and id(draft.parent) not in seen:
        own += [t for t in topics(draft.parent, lexicon, seen | {id(draft)}) if t not in own and t not in lexicon.working_areas]
    return tuple(own)


_PROCESS = re.compile(
    r"(?:(?:national|regional)\s+)?polic(?:y|ies)\s+dialogues?|(?:национальн\w+\s+)?политическ\w+\s+диалог|dialogues?\s+(?:politiques?|sur\s+les\s+politiques)",
    re.IGNORECASE,
)


def process(draft: Draft, lexicon: Lexicon) -> bool:
    """A project, or a policy dialogue named as the process ("National Policy Dialogue on ...", not "Launch of the
    ..."): it runs over months in its countries, and has meetings, trainings and missions as its parts."""
    return lexicon.is_a(draft.type, str(IAC.Project)) or (
        lexicon.is_a(draft.type, str(IAC.PolicyDialogue)) and bool(_PROCESS.match(draft.label))
    )


_NATIONAL = re.compile(
    r"^\W*(?:\S+\s+){0,2}?(?<![\w-])(?:national|nationale?s?|национальн\w*)\b", re.IGNORECASE
)  # not "of the national teams"


def _national(draft: Draft, countries: list[str], lexicon: Lexicon) -> list[str]:
    """A national activity is for one country: the country it is held in, when several are around it."""
    if (
        len(countries) < 2
        or not _NATIONAL.match(draft.label)
        or re.search(r"policy dialogue|политическ\w+ диалог|dialogue sur les politiques", draft.label, re.IGNORECASE)
    ):
        return countries
    home = venue_country(draft, lexicon)
    return [home] if home in countries else countries


def repoint(drafts: list[Draft], gone: Draft, kept: Draft) -> None:
    """The parts of an activity read twice belong to the one kept."""
    for other in drafts:
        if other.parent is gone:
            other.parent = kept


def restated(drafts: list[Draft], lexicon: Lexicon) -> list[Draft]:
    """A report's summary table (or list) restating what its paragraphs told: a row of the same kind, on the same
    days (to the day) and at the same place or none, is the activity already read (from text of another shape). It lends its venue and its
    donors, partners and hosts, and the paragraph's title stays. Returns the drafts without the restatements."""
    kept: list[Draft] = []
    drafts = _bare_kinds(drafts, lexicon)
    for draft in drafts:
        same = None
        if draft.segment_kind in ("table-row", "list-item") and draft.start and len(draft.start) == 10:
            same = next(
                (
                    d
                    for d in kept
                    if d.segment_kind != draft.segment_kind
                    and (d.start, d.end) == (draft.start, draft.end)
                    and (draft.place is None or d.place in (None, draft.place))
                    and (lexicon.is_a(d.type, draft.type) or lexicon.is_a(draft.type, d.type))
                ),
                None,
            )
        if same is None and draft.start and draft.place and draft.prose:  # "Mission d'expertise à Tbilissi puis formation à Batoumi :
            # …" over the paragraphs telling each: the lede's undated one at the same place is the one told
            lede = next((d for d in kept if d.start is None and d.teaser and d.place == draft.place and d.type == draft.type), None)
            if lede is not None:
                kept[kept.index(lede)] = draft
                lede.place = None
                draft.evidence = lede.evidence + draft.evidence
                repoint(drafts, lede, draft)
                continue
        if same is None:
            kept.append(draft)
            continue
        same.place = same.place or draft.place
        same.online = same.online or draft.online
        for role in ("donors", "partners", "hosts"):
            for iri in getattr(draft.roles, role):
                same.roles.add(role, iri)
        same.evidence += draft.evidence
        repoint(drafts, draft, same)
    return kept


def _bare_kinds(drafts: list[Draft], lexicon: Lexicon) -> list[Draft]:
    """ "A joint contingency plan, tested in an exercise." above the page's one dated "Table-top exercise on …": an
    undated, placeless activity named by its kind's word alone is the one activity of its kind the page tells after."""
    out = list(drafts)
    for i, bare in enumerate(drafts):
        if bare.start is not None or bare.place is not None or bare.label.lower().removeprefix("the ") not in lexicon.triggers:
            continue
        later = [d for d in drafts[i + 1 :] if d.start is not None and lexicon.is_a(d.type, bare.type)]
        if len(later) == 1 and bare in out:
            later[0].evidence = bare.evidence + later[0].evidence
            repoint(out, bare, later[0])
            out.remove(bare)
    return out


def _for_programme(beneficiaries: tuple[str, ...], draft: Draft, lexicon: Lexicon) -> bool:
    """Whether an activity is for a country of the Programme: a beneficiary, a region, or the venue's country."""
    venue = venue_country(draft, lexicon)
    return venue in lexicon.programme_countries or any(b in lexicon.programme_countries or "/region/" in b for b in beneficiaries)


def freeze(drafts: list[Draft], text: str, lexicon: Lexicon, context: list[str]) -> tuple[Activity, ...]:
    """Drafts to Activities. The key, which makes the IRI, is the type with the dates and beneficiaries,
    or with the normalised title when undated."""
    keys: dict[int, str] = {}
    benef = {id(d): tuple(sorted(_national(d, beneficiaries(d, lexicon, context), lexicon))) for d in drafts}
    for d in drafts:
        kind = d.type.rsplit("#", 1)[-1]
        if d.start:
            keys[id(d)] = f"{kind}|{d.start}|{d.end}|{','.join(benef[id(d)])}"
        else:
            keys[id(d)] = f"{kind}|{' '.join(re.findall(r'[a-z0-9]+', d.label.lower()))}|{','.join(benef[id(d)])}"
    out = []
    for d in drafts:
        if (
            lexicon.is_a(d.type, str(IAC.Exercise))
            and (named := _beneficiaries(d, lexicon, context, frozenset()))
            and not _for_programme(tuple(named), d, lexicon)
        ):  # (named: a donor country's own drill is for it too)
            continue  # a prefecture's or an operator's own drill, for no country of the Programme: not its activity
        evidence = tuple(Evidence(s, e, text[s:e], kind) for s, e, kind in dict.fromkeys(d.evidence))
        place_country = lexicon.place_country.get(d.place) if d.place else None
        about = topics(d, lexicon)
        # a project, or a policy dialogue named as the process ("National Policy Dialogue on ...", not "Launch
        # of the ..."), runs in its countries, not at a venue; a process starting on a day has not ended on it
        project = process(d, lexicon)
        end = None if project and d.start == d.end and d.start and len(d.start) == 10 else d.end
        out.append(
            Activity(
                key=keys[id(d)],
                type=d.type,
                label=d.label,
                start=d.start,
                end=end,
                place=None if project else d.place,
                online=d.online,
                planned=d.planned,
                beneficiaries=benef[id(d)],
                donors=tuple(d.roles.donors),
                partners=tuple(p for p in d.roles.partners if p not in d.roles.donors),
                hosts=tuple(h for h in d.roles.hosts if h != place_country),
                topics=about,
                working_areas=tuple(t for t in about if t in lexicon.working_areas),
                part_of=keys[id(d.parent)] if d.parent is not None else None,
                evidence=evidence,
            )
        )
    return tuple(out)
