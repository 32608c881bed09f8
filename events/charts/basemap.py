"""The map's base layer: Natural Earth's country borders, a scale bar and a locator inset.

The borders come from basemap/sahel.json, which scripts/build-basemap makes once from the npm
package world-atlas; the site only reads that file. Everything here is geometry in SVG user
units for a projection of place_map.py: nothing renders HTML or asks the database.
"""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy, pgettext_lazy

from .. import names

ASSET = Path(__file__).resolve().parent / "basemap" / "sahel.json"
# Borders are cut this far outside the frame, beyond the edge of the drawing, which hides the cut:
# a cut along the frame itself would draw a highlighted country's outline where it has no border.
CLIP_MARGIN = 6
# Drawn in the corner of the map; the text beside it gives the licences.
ATTRIBUTION_ON_MAP = gettext_lazy("Borders: Natural Earth · world-atlas")
# A border point closer than this to the last one drawn (in SVG units) adds nothing visible.
MIN_STEP = 1.5
# The mean radius of the Earth (IUGG), for the length of a degree on the scale bar.
EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180
SCALE_BAR_LENGTHS = (1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000)
LOCATOR_SIZE = 112


@functools.cache
def load_basemap():
    with ASSET.open(encoding="utf-8") as asset:
        return json.load(asset)


@functools.cache
def countries_by_name():
    return {names.normalized(country["name"]): country for country in load_basemap()["countries"]}


def country_named(place_names):
    """The base map's country with one of these names, or None."""
    by_name = countries_by_name()
    return next((by_name[key] for key in map(names.normalized, place_names) if key in by_name), None)


# The countries of the asset, as the map names them.
COUNTRY_NAMES = {
    "Algeria": pgettext_lazy("country on the map", "Algeria"),
    "Benin": pgettext_lazy("country on the map", "Benin"),
    "Burkina Faso": pgettext_lazy("country on the map", "Burkina Faso"),
    "Cameroon": pgettext_lazy("country on the map", "Cameroon"),
    "Central African Rep.": pgettext_lazy("country on the map", "Central African Rep."),
    "Chad": pgettext_lazy("country on the map", "Chad"),
    "Congo": pgettext_lazy("country on the map", "Congo"),
    "Côte d'Ivoire": pgettext_lazy("country on the map", "Côte d'Ivoire"),
    "Dem. Rep. Congo": pgettext_lazy("country on the map", "Dem. Rep. Congo"),
    "Eq. Guinea": pgettext_lazy("country on the map", "Eq. Guinea"),
    "Gambia": pgettext_lazy("country on the map", "Gambia"),
    "Ghana": pgettext_lazy("country on the map", "Ghana"),
    "Guinea": pgettext_lazy("country on the map", "Guinea"),
    "Guinea-Bissau": pgettext_lazy("country on the map", "Guinea-Bissau"),
    "Liberia": pgettext_lazy("country on the map", "Liberia"),
    "Libya": pgettext_lazy("country on the map", "Libya"),
    "Mali": pgettext_lazy("country on the map", "Mali"),
    "Mauritania": pgettext_lazy("country on the map", "Mauritania"),
    "Morocco": pgettext_lazy("country on the map", "Morocco"),
    "Niger": pgettext_lazy("country on the map", "Niger"),
    "Nigeria": pgettext_lazy("country on the map", "Nigeria"),
    "Senegal": pgettext_lazy("country on the map", "Senegal"),
    "Sierra Leone": pgettext_lazy("country on the map", "Sierra Leone"),
    "Spain": pgettext_lazy("country on the map", "Spain"),
    "Togo": pgettext_lazy("country on the map", "Togo"),
    "W. Sahara": pgettext_lazy("country on the map", "W. Sahara"),
}


@dataclass
class CountryShape:
    id: str
    name: str
    path: str
    # Where its name goes, or None where the frame does not hold it.
    label_x: float
    label_y: float
    is_home: bool
    # A place without coordinates lies somewhere in it.
    is_highlighted: bool
    # The published place the record has for this country, if any: its name links there.
    place: object = None

    @property
    def label(self):
        """The name drawn on the map, in the reader's language (the asset's names are Natural Earth's English)."""
        return COUNTRY_NAMES.get(self.name, self.name)


@dataclass
class ScaleBar:
    length: float
    km: int

    @property
    def label(self):
        return f"{number_format(self.km, force_grouping=True)} km"

    @property
    def middle(self):
        return round(self.length / 2, 1)

    @property
    def backing_width(self):
        return round(self.length + 8, 1)


@dataclass
class Locator:
    width: float
    height: float
    africa: str
    mali: str
    # The main map's frame, in the inset's units.
    frame_x: float
    frame_y: float
    frame_width: float
    frame_height: float


def country_shapes(projection, highlighted=(), places_by_country=None):
    """The countries that reach into the frame, clipped to it, in the order to draw them."""
    places_by_country = places_by_country or {}
    box = (-CLIP_MARGIN, -CLIP_MARGIN, projection.width + CLIP_MARGIN, projection.height + CLIP_MARGIN)
    shapes = []
    for country in load_basemap()["countries"]:
        west, south, east, north = country["bounds"]
        if not (west < projection.east and projection.west < east and south < projection.north and projection.south < north):
            continue
        rings = [clip_ring([projection.project(lat, lon) for lon, lat in ring], box) for ring in country["rings"]]
        path = svg_path(rings)
        if not path:
            continue
        label_x, label_y = label_position(projection, country, rings)
        shapes.append(CountryShape(
            id=country["id"], name=country["name"], path=path, label_x=label_x, label_y=label_y,
            is_home=country["name"] == "Mali", is_highlighted=country["id"] in highlighted,
            place=places_by_country.get(country["id"]),
        ))
    # Highlighted areas last, so that their outline is drawn over their neighbours' borders.
    return sorted(shapes, key=lambda shape: shape.is_highlighted)


def label_position(projection, country, rings):
    """Where the country's name goes: its label point when the frame holds it, else inside the largest
    part the frame shows, near its middle, if that part is wide enough for a name."""
    def fits(x, y):
        return 30 <= x <= projection.width - 30 and 14 <= y <= projection.height - 30

    x, y = projection.project(country["label"][1], country["label"][0])
    if fits(x, y):
        return x, y
    visible = [ring for ring in rings if len(ring) >= 3]
    if not visible:
        return None, None
    largest = max(visible, key=ring_area)
    left, right = min(point[0] for point in largest), max(point[0] for point in largest)
    top, bottom = min(point[1] for point in largest), max(point[1] for point in largest)
    if right - left < 8 * len(country["name"]) or bottom - top < 30:
        return None, None
    # Of a grid of spots over the part, the one nearest its middle that is inside it.
    middle = ((left + right) / 2, (top + bottom) / 2)
    spots = [
        (left + (right - left) * column / 6, top + (bottom - top) * row / 6) for row in range(1, 6) for column in range(1, 6)
    ]
    inside = [spot for spot in spots if fits(*spot) and contains(largest, *spot)]
    if not inside:
        return None, None
    x, y = min(inside, key=lambda spot: math.dist(spot, middle))
    return round(x, 1), round(y, 1)


def ring_area(ring):
    return abs(sum(x * next_y - next_x * y for (x, y), (next_x, next_y) in zip(ring, ring[1:] + ring[:1]))) / 2


def contains(ring, x, y):
    """Whether the point is inside the ring (even-odd rule)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def clip_ring(points, box):
    """A ring clipped to a box (Sutherland–Hodgman): exact for the convex clip region a frame is."""
    left, top, right, bottom = box
    edges = (
        (lambda p: p[0] >= left, lambda a, b: crossing_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: crossing_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: crossing_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: crossing_y(a, b, bottom)),
    )
    for keeps, crossing in edges:
        if not points:
            return []
        clipped = []
        previous = points[-1]
        for point in points:
            if keeps(point):
                if not keeps(previous):
                    clipped.append(crossing(previous, point))
                clipped.append(point)
            elif keeps(previous):
                clipped.append(crossing(previous, point))
            previous = point
        points = clipped
    return points


def crossing_x(a, b, x):
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def crossing_y(a, b, y):
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def svg_path(rings):
    """Rings as one SVG path of whole units, relative moves, each ring closed; "" when nothing is left."""
    parts = []
    for ring in rings:
        kept = []
        for x, y in ring:
            if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP:
                kept.append((x, y))
        points = [(round(x), round(y)) for x, y in kept]
        points = [point for index, point in enumerate(points) if index == 0 or point != points[index - 1]]
        if len(points) < 3:
            continue
        steps = " ".join(f"{x - px},{y - py}" for (px, py), (x, y) in zip(points, points[1:]))
        parts.append(f"M{points[0][0]},{points[0][1]}l{steps}z")
    return "".join(parts)


def scale_bar(projection):
    """The longest round length in km that fits a quarter of the frame, measured along the standard parallel."""
    units_per_km = projection.scale / KM_PER_DEGREE
    km = next((km for km in reversed(SCALE_BAR_LENGTHS) if km * units_per_km <= projection.width / 4), None)
    if km is None:
        return None
    return ScaleBar(length=round(km * units_per_km, 1), km=km)


def locator(frame, projection_class):
    """Africa with Mali, and a box where the main map's frame is (at least a few units wide, so it shows)."""
    inset = load_basemap()["locator"]
    west, south, east, north = inset["africa"]["bounds"]
    projection = projection_class(south, north, west, east, max_width=LOCATOR_SIZE, max_height=LOCATOR_SIZE)
    box = (0, 0, projection.width, projection.height)
    africa = svg_path(clip_ring([projection.project(lat, lon) for lon, lat in ring], box) for ring in inset["africa"]["rings"])
    mali = svg_path(clip_ring([projection.project(lat, lon) for lon, lat in ring], box) for ring in inset["mali"]["rings"])
    left, top = projection.project(min(frame.north, north), max(frame.west, west))
    right, bottom = projection.project(max(frame.south, south), min(frame.east, east))
    width, height = max(right - left, 4), max(bottom - top, 4)
    return Locator(
        width=projection.width, height=projection.height, africa=africa, mali=mali,
        frame_x=round(min(left, projection.width - width), 1), frame_y=round(min(top, projection.height - height), 1),
        frame_width=round(width, 1), frame_height=round(height, 1),
    )
