"""The map: country outlines of the Programme's part of the world, from the vendored world atlas
(static/vendor/world-atlas/countries-110m.json, TopoJSON keyed by ISO 3166 numeric code), projected here into
SVG paths, once per process. Pages draw it with no script and load nothing from elsewhere.

draw(counts, ...) gives what the map template needs: every country in the frame as a path, those the graph
knows linked to their hub and shaded by how many activities they had, labels placed so that they do not overlap
(the Balkans and the Caucasus: a label that would cover another is moved aside, with a line to its country), and
the legend's classes.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

ATLAS = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "countries-110m.json"
FRAME = (12.0, 81.0, 35.0, 58.0)  # west, east, south, north: from the Adriatic to the east of Kazakhstan
WIDTH = 760.0
PARALLEL = math.cos(math.radians(46.5))  # the frame's middle latitude: degrees of longitude are this much shorter
SCALE = WIDTH / ((FRAME[1] - FRAME[0]) * PARALLEL)
HEIGHT = round((FRAME[3] - FRAME[2]) * SCALE, 1)
CLASSES = ((1, 2), (3, 5), (6, 10), (11, 20), (21, None))  # activity counts of the shades, lightest first
LABEL_SIZE = 11.0  # px, the labels' font size
SMALL = 900.0  # px²: a country smaller than this on the map is labelled beside it, with a line to it


@dataclass(frozen=True)
class Shape:
    m49: str  # ISO 3166 numeric code ("398"), or "" (Kosovo, which has none)
    name: str  # the atlas's name ("Kazakhstan", "Kosovo")
    path: str  # SVG path data, in map pixels
    centre: tuple[float, float]  # of its largest part
    area: float  # of its largest part, in map pixels²


def project(lon: float, lat: float) -> tuple[float, float]:
    """A point's place on the map, in pixels from its top left corner (an equirectangular projection true at
    the frame's middle latitude)."""
    return round((lon - FRAME[0]) * PARALLEL * SCALE, 1), round((FRAME[3] - lat) * SCALE, 1)


@functools.cache
def shapes() -> tuple[Shape, ...]:
    """The countries of the atlas that reach into the frame."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:  # delta-encoded, quantised positions
        x = y = 0
        points = []
        for qx, qy in arc:
            x, y = x + qx, y + qy
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [[_ring(arcs, ring) for ring in polygon] for polygon in polygons]
        if not any(_in_frame(point) for polygon in rings for point in polygon[0]):
            continue
        projected = [[[project(lon, lat) for lon, lat in ring] for ring in polygon] for polygon in rings]
        path = "".join(_path(ring) for polygon in projected for ring in polygon)
        largest = max((polygon[0] for polygon in projected), key=lambda ring: abs(_area(ring)))
        out.append(Shape(str(geometry.get("id") or ""), geometry["properties"]["name"], path, _centre(largest), abs(_area(largest))))
    return tuple(out)


def _path(ring: list[tuple[float, float]]) -> str:
    """A ring as SVG path data, in whole pixels (finer than the atlas at this scale), repeated points dropped."""
    points: list[tuple[int, int]] = []
    for x, y in ring:
        point = (round(x), round(y))
        if not points or point != points[-1]:
            points.append(point)
    return "M" + "L".join(f"{x},{y}" for x, y in points) + "Z" if len(points) > 2 else ""


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _in_frame(point: tuple[float, float]) -> bool:
    west, east, south, north = FRAME
    return west - 2 <= point[0] <= east + 2 and south - 2 <= point[1] <= north + 2


def _area(ring: list[tuple[float, float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=False)) / 2


def _centre(ring: list[tuple[float, float]]) -> tuple[float, float]:
    area = _area(ring)
    if not area:
        return ring[0]
    cx = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=False)) / (6 * area)
    cy = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=False)) / (6 * area)
    return round(cx, 1), round(cy, 1)


def shade(count: int) -> int:
    """The shade class (1-5) of a country with count activities; 0 for none."""
    return next((n for n, (low, high) in enumerate(CLASSES, 1) if count >= low and (high is None or count <= high)), 0)


def draw(countries: dict[str, dict], counts: dict[str, int], marked: frozenset[str] = frozenset()) -> dict:
    """The map of countries (m49 or "name:Kosovo" -> {iri, iso3, name: the label to show}) with their activity
    counts (by the same keys): shapes, labels that do not overlap, and the legend. marked: keys of countries
    reached only through a region (drawn hatched)."""
    drawn, labels = [], []
    for s in shapes():
        key = s.m49 or f"name:{s.name}"
        known = countries.get(key)
        count = counts.get(key, 0)
        drawn.append(
            {
                "path": s.path,
                "key": key,
                "iri": known["iri"] if known else None,
                "iso3": known["iso3"] if known else "",
                "name": known["name"] if known else s.name,
                "count": count,
                "shade": shade(count),
                "marked": key in marked,
            }
        )
        if known and (count or key in marked):
            labels.append((s, known["name"], key))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "shapes": drawn,
        "labels": place_labels(labels),
        "classes": [{"shade": n, "low": low, "high": high} for n, (low, high) in enumerate(CLASSES, 1)],
    }


def place_labels(labels: list[tuple[Shape, str, str]]) -> list[dict]:
    """Each label at its country's centre, unless it would overlap one placed before it (larger countries are
    placed first) or the country is too small to hold it: then beside it, on the first free spot around it, with
    a leader line."""
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for shape, text, key in sorted(labels, key=lambda item: -item[0].area):
        width, height = len(text) * LABEL_SIZE * 0.55, LABEL_SIZE
        cx, cy = shape.centre
        spots = [(0.0, 0.0)] if shape.area >= SMALL else []
        spots += [
            (dx * r, dy * r)
            for r in (18, 30, 44, 60, 78)
            for dx, dy in ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1))
        ]
        for dx, dy in spots:
            x, y = cx + dx, cy + dy
            box = (x - width / 2, y - height, x + width / 2, y + 2)
            if box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= HEIGHT and not any(_overlap(box, other) for other in placed):
                placed.append(box)
                out.append(
                    {"key": key, "text": text, "x": round(x, 1), "y": round(y, 1), "leader": (dx, dy) != (0.0, 0.0), "cx": cx, "cy": cy}
                )
                break
    return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
