"""Deterministic generator of realistic programme documents, for benchmarks.

    python bench/generate.py OUT_DIR --activities 10000 [--per-doc 100] [--seed 0]

Documents alternate between the shapes the bundled corpus has: activity lists (.txt), workplan tables
(.md) and press-release prose (.txt), using real country, region, city and topic names from the reference
data, so that extraction does the same work as on real pages.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
TYPES = [
    "Training session",
    "Subregional workshop",
    "National workshop",
    "Technical mission",
    "Project",
    "Seminar",
    "High-level meeting",
    "Table-top exercise",
    "Field exercise",
    "Advisory mission",
    "National Policy Dialogue",
]
TOPICS = [
    "land-use planning",
    "safety reports",
    "tailings management facilities (TMFs)",
    "indicators and criteria",
    "accession to the Convention",
    "awareness raising",
    "industrial accident prevention",
    "safety management systems",
    "on-site inspections",
    "transboundary water pollution",
    "crisis management",
    "identification of hazardous activities",
    "emergency preparedness",
    "public participation",
]
COUNTRIES = {
    "Albania": "Tirana",
    "Armenia": "Yerevan",
    "Azerbaijan": "Baku",
    "Belarus": "Minsk",
    "Bosnia and Herzegovina": "Sarajevo",
    "Croatia": "Zagreb",
    "Georgia": "Tbilisi",
    "Kazakhstan": "Astana",
    "Kyrgyzstan": "Bishkek",
    "Montenegro": "Podgorica",
    "North Macedonia": "Skopje",
    "the Republic of Moldova": "Chisinau",
    "Serbia": "Belgrade",
    "Tajikistan": "Dushanbe",
    "Turkmenistan": "Ashgabat",
    "Ukraine": "Kyiv",
    "Uzbekistan": "Tashkent",
}
REGIONS = ["Central Asia", "South-Eastern Europe", "the Caucasus", "Eastern Europe", "EECCA"]
DONORS = ["Switzerland", "France", "Germany", "Norway", "the Netherlands", "Sweden", "Austria"]


def _when(rng: random.Random) -> tuple[str, int]:
    year, month = rng.randint(2005, 2025), rng.randrange(12)
    day = rng.randint(1, 25)
    form = rng.random()
    if form < 0.6:
        return f"{day}-{day + rng.randint(1, 2)} {MONTHS[month]} {year}", year
    if form < 0.8:
        return f"{day} {MONTHS[month]} {year}", year
    if form < 0.9:
        return f"{MONTHS[month]} {year}-{MONTHS[(month + 5) % 12]} {year + 1}", year
    return f"{year}-{year + rng.randint(1, 3)}", year


def _activity(rng: random.Random) -> tuple[str, str, str, str]:
    kind, topic = rng.choice(TYPES), rng.choice(TOPICS)
    if rng.random() < 0.3:
        who = rng.choice(REGIONS)
    else:
        who = " and ".join(rng.sample(sorted(COUNTRIES), rng.randint(1, 3)))
    host = rng.choice(sorted(COUNTRIES))
    when, _ = _when(rng)
    return f"{kind} on {topic} for {who}", when, COUNTRIES[host], host


def list_document(rng: random.Random, n: int, index: int) -> str:
    lines = [f"Activities of the Assistance Programme, batch {index}", "", "Activities and projects under the implementation phase:"]
    for _ in range(n):
        title, when, city, country = _activity(rng)
        venue = rng.choice([f", {city}, {country}", f", {city} ({country})", ", online", ""])
        lines.append(f"- {title} ({when}){venue}")
    return "\n".join(lines) + "\n"


def table_document(rng: random.Random, n: int, index: int) -> str:
    year = rng.randint(2015, 2024)
    lines = [f"# Planned activities, {year}–{year + 1} (batch {index})", "", "| Activity | Countries | Support |", "|---|---|---|"]
    for _ in range(n):
        title, _, _, country = _activity(rng)
        lines.append(f"| {title} | {country}, {rng.choice(sorted(COUNTRIES))} | {rng.choice(DONORS)}; with OSCE |")
    return "\n".join(lines) + "\n"


def prose_document(rng: random.Random, n: int, index: int) -> str:
    paragraphs = [f"PRESS RELEASE {index}"]
    for _ in range(n):
        kind, topic = rng.choice(TYPES).lower(), rng.choice(TOPICS)
        country = rng.choice(sorted(COUNTRIES))
        when, _ = _when(rng)
        paragraphs.append(
            f"Officials from {country} met for a {kind} on {topic} on {when} in {COUNTRIES[country]}. "
            f"Participants discussed national legislation, and the session was financed by {rng.choice(DONORS)}."
        )
    return "\n\n".join(paragraphs) + "\n"


def generate(out: Path, activities: int, per_doc: int = 100, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    makers = [(list_document, "txt"), (table_document, "md"), (prose_document, "txt")]
    paths, left, index = [], activities, 0
    while left > 0:
        n = min(per_doc, left)
        maker, ext = makers[index % len(makers)]
        path = out / f"generated-{index:05d}.{ext}"
        path.write_text(maker(rng, n, index), encoding="utf-8")
        paths.append(path)
        left -= n
        index += 1
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--per-doc", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = generate(args.out, args.activities, args.per_doc, args.seed)
    print(f"wrote {len(paths)} documents with {args.activities} activities to {args.out}")


if __name__ == "__main__":
    main()
