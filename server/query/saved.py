"""Saved queries: queries/*.rq files with a header that documents them.

    # title: Activities by country
    # description: Activities a country benefited from, directly or through a region.
    # param: country (country): a name, a former name or an ISO3 code, e.g. "North Macedonia" or MKD
    # example: Show everything done for Kazakhstan


`# example:` lines are questions the query answers (they help match questions to it). A parameter is bound to the query variable of the same name as an RDF term: never pasted into the text.
Types: country (resolved to its iac:Country), topic (resolved to its skos:Concept), region, place (a town,
resolved to its iac:Place), kind (a kind of activity, resolved to its class), iri, string, integer, year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ingest.errors import IngestError, ParameterError
from ingest.reference import Lexicon
from ingest.vocab import ID

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
_HEADER = re.compile(r"^#\s*(title|description|param|example):\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)\)\s*:\s*(?P<help>.*)$")
TYPES = ("country", "topic", "region", "place", "kind", "activity", "iri", "string", "integer", "year")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    help: str


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    examples: tuple[str, ...] = ()  # questions the query answers, in other words than its title


def parse_saved(name: str, text: str) -> SavedQuery:
    fields: dict[str, str] = {}
    params, examples = [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key == "example":
            examples.append(value.strip())
        elif key == "param":
            param = _PARAM.match(value)
            if not param or param["type"] not in TYPES:
                raise IngestError(
                    f"queries/{name}.rq: bad '# param:' line {value!r}; write 'name (type): help' with a type of {', '.join(TYPES)}"
                )
            params.append(Param(param["name"], param["type"], param["help"].strip()))
        else:
            fields[key] = fields.get(key, "") + (" " if key in fields else "") + value.strip()
    if "title" not in fields:
        raise IngestError(f"queries/{name}.rq: the first lines must include '# title: ...'")
    return SavedQuery(name, fields["title"], fields.get("description", ""), tuple(params), text, tuple(examples))


def load_saved(directory: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    return {p.stem: parse_saved(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))}


def _by_name(table: dict[str, str], value: str) -> str | None:
    folded = {k.casefold(): v for k, v in table.items()}
    return folded.get(value.strip().casefold())


def _by_name_or_id(table: dict[str, str], value: str) -> str | None:
    """The IRI a name of table stands for, or the one whose last part is value ("central-asia", "almaty-kz")."""
    return _by_name(table, value) or next((i for i in table.values() if i.rsplit("/", 1)[-1] == value.lower()), None)


def resolve(param: Param, value: str, lexicon: Lexicon) -> ox.NamedNode | ox.Literal:
    """The RDF term a parameter value stands for; ParameterError says why when there is none."""
    value = value.strip()
    if param.type == "country":
        iri = _by_name(lexicon.names["COUNTRY"], value)
        if iri is None and re.fullmatch(r"[A-Za-z]{3}", value):
            iri = next((i for i in lexicon.names["COUNTRY"].values() if i.endswith("/" + value.upper())), None)
        if iri is None:
            raise ParameterError(
                f"{param.name}: no country called {value!r}; give a name ('North Macedonia'), a former name "
                "('the former Yugoslav Republic of Macedonia') or an ISO3 code ('MKD')"
            )
        return ox.NamedNode(iri)
    if param.type in ("topic", "region"):
        table = lexicon.topics if param.type == "topic" else lexicon.names["REGION"]
        iri = _by_name_or_id(table, value)
        if iri is None:
            examples = sorted({i.rsplit("/", 1)[-1] for i in table.values()})[:6]
            raise ParameterError(f"{param.name}: no {param.type} called {value!r}; try a label or one of {', '.join(examples)}")
        return ox.NamedNode(iri)
    if param.type == "place":
        iri = _by_name_or_id(lexicon.names["CITY"], value)
        if iri is None:
            raise ParameterError(f"{param.name}: no town called {value!r}; give its name ('Almaty', 'Тбилиси') or its id ('almaty-kz')")
        return ox.NamedNode(iri)
    if param.type == "kind":  # a kind of activity: its class, by a word for it ("training", "семинар") or its name
        iri = lexicon.triggers.get(value.lower()) or next(
            (c for c in set(lexicon.triggers.values()) if c.rsplit("#", 1)[-1].lower() == value.lower()), None
        )
        if iri is None:
            raise ParameterError(
                f"{param.name}: no kind of activity called {value!r}; try workshop, training session, "
                "table-top exercise, technical mission, or a class name such as TrainingSession"
            )
        return ox.NamedNode(iri)
    if param.type == "activity":  # an activity of ours, by its IRI or the last part of it
        iri = value if value.startswith(str(ID)) else str(ID[f"activity/{value}"])
        if not re.fullmatch(re.escape(str(ID)) + r"activity/[\w.~-]+", iri):
            raise ParameterError(
                f"{param.name}: {value!r} is not an activity; give its IRI, e.g. {ID}activity/…, as search results and /id/ pages show it"
            )
        return ox.NamedNode(iri)
    if param.type == "iri":
        if not re.fullmatch(r"[a-zA-Z][\w+.-]*:[^\s<>\"{}|\\^`]+", value):
            raise ParameterError(f"{param.name}: {value!r} is not an absolute IRI")
        return ox.NamedNode(value)
    if param.type in ("integer", "year"):
        if not re.fullmatch(r"-?\d+", value):
            raise ParameterError(f"{param.name}: {value!r} is not a whole number")
        if param.type == "year":
            return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def bind(saved: SavedQuery, values: dict[str, str], lexicon: Lexicon) -> dict[str, ox.NamedNode | ox.Literal]:
    """Parameter values to RDF terms, by variable name. Every declared parameter is required."""
    unknown = set(values) - {p.name for p in saved.params}
    if unknown:
        raise ParameterError(
            f"{saved.name}: unknown parameter {', '.join(sorted(unknown))}; it takes {', '.join(p.name for p in saved.params) or 'none'}"
        )
    bound = {}
    for param in saved.params:
        if not values.get(param.name, "").strip():
            raise ParameterError(f"{saved.name}: missing parameter {param.name} ({param.type}): {param.help}")
        bound[param.name] = resolve(param, values[param.name], lexicon)
    return bound
