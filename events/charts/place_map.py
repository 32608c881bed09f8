"""The map: published places with coordinates, or their counts per area when they are many.

Drawn in an equirectangular projection, in SVG user units. Nothing here renders HTML,
and every function asks its queryset for published rows itself, so a draft can never be
drawn or counted. A place without coordinates is listed, never given a point.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, ExpressionWrapper, F, FloatField, Max, Min, Q, Value
from django.db.models.functions import Floor
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from ..models import Place

MAP_MAX_WIDTH = 720
MAP_MAX_HEIGHT = 640
MAP_MARGIN_FRACTION = 0.12
MAP_MIN_MARGIN_DEGREES = 0.3
MAP_LABEL_FONT_WIDTH = 7  # a generous average advance of a 12px sans-serif character
POINT_RADIUS = 6
# A low-confidence point is a wider, dashed ring around a question mark.
LOW_RING_RADIUS = 9

# Past this many points their labels collide and the page outgrows its budget (about
# 0.6 KB a point): more are counted per square of a grid instead, each square a link to
# the map of that square, until few enough are left to draw.
DETAIL_LIMIT = 120
# Squares on the longer side of the counted map, and the sizes a square may have, in degrees.
GRID_CELLS = 8
CELL_SIZES = tuple(Decimal(size) for size in ("0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10", "20", "45"))
# Spacing of the graticule's lines, in degrees.
GRID_STEPS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 45, 90)
# Places without coordinates named beside the map; the list of places has the rest.
UNPLACED_SHOWN = 20

CONFIDENCES = (Place.CoordinateConfidence.GOOD, Place.CoordinateConfidence.REPRESENTATIVE, Place.CoordinateConfidence.LOW)
CONFIDENCE_LABELS = {
    Place.CoordinateConfidence.GOOD: gettext_lazy("Good"),
    Place.CoordinateConfidence.REPRESENTATIVE: gettext_lazy("Representative point"),
    Place.CoordinateConfidence.LOW: gettext_lazy("Low"),
}
CONFIDENCE_RANK = {confidence: rank for rank, confidence in enumerate(CONFIDENCES)}


@dataclass(frozen=True)
class Area:
    """A box of longitude and latitude, in degrees: [west, east) by [south, north)."""

    west: Decimal
    south: Decimal
    east: Decimal
    north: Decimal

    def __str__(self):
        """How an address writes it (the bbox parameter)."""
        return ",".join(f"{edge.normalize():f}" for edge in (self.west, self.south, self.east, self.north))

    @property
    def label(self):
        (north, south), (east, west) = north_south(), east_west()
        return _("%(south)s to %(north)s, %(west)s to %(east)s") % {
            "south": degrees(float(self.south), north, south),
            "north": degrees(float(self.north), north, south),
            "west": degrees(float(self.west), east, west),
            "east": degrees(float(self.east), east, west),
        }

    @property
    def span(self):
        return max(self.east - self.west, self.north - self.south)

    def holding(self, places):
        return places.filter(
            latitude__gte=self.south, latitude__lt=self.north, longitude__gte=self.west, longitude__lt=self.east
        )


@dataclass
class Unplaced:
    """The published places without coordinates: the first few by name, and how many there are."""

    shown: list
    total: int

    @property
    def not_shown(self):
        return self.total - len(self.shown)


@dataclass
class MapPoint:
    place: Place
    x: float
    y: float
    confidence: str
    label_x: float
    label_y: float
    label_anchor: str

    @property
    def confidence_label(self):
        return CONFIDENCE_LABELS[self.confidence]

    @property
    def radius(self):
        return LOW_RING_RADIUS if self.confidence == Place.CoordinateConfidence.LOW else POINT_RADIUS


@dataclass
class GridLine:
    position: float
    label: str


@dataclass
class MapFrame:
    width: float
    height: float
    meridians: list
    parallels: list
    unplaced: Unplaced
    # The box asked for, or None for the whole record.
    area: Area

    # Room outside the frame for the degree labels of the graticule.
    frame_x = 46
    frame_y = 10

    @property
    def svg_width(self):
        return round(self.frame_x + self.width + 10, 1)

    @property
    def svg_height(self):
        return round(self.frame_y + self.height + 28, 1)

    @property
    def bottom_label_y(self):
        return self.height + 18


@dataclass
class PlaceMap(MapFrame):
    points: list = None
    # Located places in the area left out because even its smallest square holds more than DETAIL_LIMIT.
    not_drawn: int = 0

    is_counted = False

    @property
    def is_empty(self):
        return not self.points

    @property
    def legend(self):
        return [(confidence, Place.CoordinateConfidence(confidence).label) for confidence in CONFIDENCES]


@dataclass
class GridCell:
    area: Area
    x: float
    y: float
    size_x: float
    size_y: float
    # (label, count) of the published places in the square for each confidence, in the legend's order.
    confidences: list
    places: int
    # 1 to 4, from the fewest places to the most, for the shading.
    density: int

    def __post_init__(self):
        # Written once here rather than at each of the square's links.
        self.bbox = str(self.area)

    @property
    def centre_x(self):
        return round(self.x + self.size_x / 2, 1)

    @property
    def centre_y(self):
        return round(self.y + self.size_y / 2, 1)


@dataclass
class GridMap(MapFrame):
    cells: list = None
    cell_size: Decimal = None

    is_counted = True
    is_empty = False

    @property
    def located(self):
        return sum(cell.places for cell in self.cells)


def chart_places(places, area=None):
    """The published places of a queryset (within an area, if given): drawn as points when few, else counted per square."""
    published = places.published()
    # One pass over the places for what every view needs: how many have no coordinates,
    # and how far the located ones spread (the frame of the counted map).
    summary = published.order_by().aggregate(
        unplaced=Count("pk", filter=Q(latitude__isnull=True)),
        south=Min("latitude"), north=Max("latitude"), west=Min("longitude"), east=Max("longitude"),
    )
    unplaced = Unplaced(
        list(published.filter(latitude__isnull=True).only("slug", "name", "kind").order_by("name", "pk")[:UNPLACED_SHOWN]),
        summary["unplaced"],
    )
    located = published.filter(latitude__isnull=False)
    if area is not None:
        located = area.holding(located)
    few = len(located.order_by().values_list("pk", flat=True)[: DETAIL_LIMIT + 1]) <= DETAIL_LIMIT
    if few:
        return build_place_map(located, unplaced, area)
    if area is not None and area.span <= CELL_SIZES[0]:
        return build_place_map(located, unplaced, area, limit=DETAIL_LIMIT)
    if area is None:
        area = Area(west=summary["west"], south=summary["south"], east=summary["east"], north=summary["north"])
        return count_place_map(located, unplaced, extent=area)
    return count_place_map(located, unplaced, area)


def build_place_map(located, unplaced, area=None, limit=None):
    """Project the located places; frame them with a margin, or frame the area asked for."""
    located = located.only("slug", "name", "kind", "latitude", "longitude", "coordinate_confidence").order_by("name", "pk")
    not_drawn = 0
    if limit is not None:
        not_drawn = max(located.count() - limit, 0)
        located = located[:limit]
    located = list(located)
    if not located and area is None:
        return PlaceMap(width=MAP_MAX_WIDTH, height=0, meridians=[], parallels=[], unplaced=unplaced, area=None, points=[])

    if area is None:
        south, north = padded(min(float(place.latitude) for place in located), max(float(place.latitude) for place in located))
        west, east = padded(min(float(place.longitude) for place in located), max(float(place.longitude) for place in located))
    else:
        south, north, west, east = float(area.south), float(area.north), float(area.west), float(area.east)
    projection = Projection(south, north, west, east)

    positions = {place.pk: projection.project(float(place.latitude), float(place.longitude)) for place in located}
    taken = [point_box(x, y) for x, y in positions.values()]
    labels = {}
    # The best-known points choose their label positions first.
    for place in sorted(located, key=lambda place: CONFIDENCE_RANK[place.coordinate_confidence]):
        labels[place.pk] = place_label(place.name, *positions[place.pk], projection.width, projection.height, taken)
    points = [
        MapPoint(place, *positions[place.pk], place.coordinate_confidence, *labels[place.pk]) for place in located
    ]
    return PlaceMap(
        **projection.frame(), unplaced=unplaced, area=area, points=points, not_drawn=not_drawn,
    )


def count_place_map(located, unplaced, area=None, extent=None):
    """Count the located places per square of a grid aligned on multiples of its size, in one query.

    The grid covers the area asked for, or else the extent of the located places (whose
    northern and eastern edges are places, so they belong to the squares they start).
    """
    if area is None:
        size = cell_size(extent.span)
        first_row, last_row = math.floor(extent.south / size), math.floor(extent.north / size)
        first_column, last_column = math.floor(extent.west / size), math.floor(extent.east / size)
    else:
        size = cell_size(area.span)
        first_row, last_row = math.floor(area.south / size), math.ceil(area.north / size) - 1
        first_column, last_column = math.floor(area.west / size), math.ceil(area.east / size) - 1

    counts = (
        located.order_by()
        .annotate(
            row=Floor(in_squares(F("latitude"), size)),
            column=Floor(in_squares(F("longitude"), size)),
        )
        .values_list("row", "column", "coordinate_confidence")
        .annotate(places=Count("pk"))
    )
    by_cell = {}
    for row, column, confidence, number in counts:
        by_cell.setdefault((int(row), int(column)), {})[confidence] = number

    projection = Projection(
        float(first_row * size), float((last_row + 1) * size), float(first_column * size), float((last_column + 1) * size),
    )
    most = max(sum(cell.values()) for cell in by_cell.values())
    cells = []
    for (row, column), by_confidence in sorted(by_cell.items(), key=lambda item: (-item[0][0], item[0][1])):
        cell_area = Area(
            west=max(column * size, Decimal(-180)), south=max(row * size, Decimal(-90)),
            east=min((column + 1) * size, Decimal(180)), north=min((row + 1) * size, Decimal(90)),
        )
        left, top = projection.project(float(cell_area.north), float(cell_area.west))
        right, bottom = projection.project(float(cell_area.south), float(cell_area.east))
        places = sum(by_confidence.values())
        cells.append(GridCell(
            area=cell_area, x=left, y=top, size_x=round(right - left, 1), size_y=round(bottom - top, 1),
            confidences=[(CONFIDENCE_LABELS[confidence], by_confidence.get(confidence, 0)) for confidence in CONFIDENCES],
            places=places, density=math.ceil(4 * places / most),
        ))
    return GridMap(**projection.frame(), unplaced=unplaced, area=area, cells=cells, cell_size=size)


def in_squares(degrees, size):
    """Degrees in units of the square's size, in floating point (decimal arithmetic on SQLite
    is wrapped in casts that cost a third of the query). A place on a square's southern or
    western edge belongs to that square, as in Area.holding: 15.2 / 0.2 is 75.99999999999999
    in binary, so a nudge far below the record's precision (5 decimals) puts it back."""
    return ExpressionWrapper(degrees / Value(float(size)) + Value(1e-9), output_field=FloatField())


def cell_size(span):
    return next((size for size in CELL_SIZES if span / size <= GRID_CELLS), CELL_SIZES[-1])


class Projection:
    """Equirectangular, with its standard parallel through the middle of the frame, so that
    a degree of longitude is as wide as it is on the ground there."""

    def __init__(self, south, north, west, east):
        self.south, self.north, self.west, self.east = south, north, west, east
        self.x_stretch = math.cos(math.radians((south + north) / 2))
        self.scale = min(MAP_MAX_WIDTH / ((east - west) * self.x_stretch), MAP_MAX_HEIGHT / (north - south))
        self.width = round((east - west) * self.x_stretch * self.scale, 1)
        self.height = round((north - south) * self.scale, 1)

    def project(self, latitude, longitude):
        return round((longitude - self.west) * self.x_stretch * self.scale, 1), round((self.north - latitude) * self.scale, 1)

    def frame(self):
        """The size of the drawing and its graticule."""
        return {
            "width": self.width,
            "height": self.height,
            "meridians": [
                GridLine(self.project(self.south, lon)[0], degrees(lon, *east_west())) for lon in grid_degrees(self.west, self.east)
            ],
            "parallels": [
                GridLine(self.project(lat, self.west)[1], degrees(lat, *north_south())) for lat in grid_degrees(self.south, self.north)
            ],
        }


def padded(low, high):
    margin = max((high - low) * MAP_MARGIN_FRACTION, MAP_MIN_MARGIN_DEGREES)
    return low - margin, high + margin


def grid_degrees(low, high):
    step = next((step for step in GRID_STEPS if (high - low) / step <= 8), GRID_STEPS[-1])
    first = math.ceil(low / step) * step
    return [round(first + index * step, 6) for index in range(int((high - first) / step + 1e-9) + 1)]


def north_south():
    return pgettext("compass point", "N"), pgettext("compass point", "S")


def east_west():
    return pgettext("compass point", "E"), pgettext("compass point", "W")


def degrees(value, positive, negative):
    hemisphere = positive if value > 0 else negative if value < 0 else ""
    return f"{number_format(f'{abs(value):g}')}°{hemisphere}"


def place_label(name, x, y, width, height, taken):
    """Put a label right, left, above or below its point, wherever it overlaps nothing yet.

    Where every spot is taken the point goes unlabelled (None): its name is still in its
    tooltip and in the table, and a pile of overlapping labels would be unreadable.
    """
    text_width = len(name) * MAP_LABEL_FONT_WIDTH
    gap = LOW_RING_RADIUS + 3
    candidates = [(x + gap, y + 4, "start"), (x - gap, y + 4, "end"), (x, y - gap - 4, "middle"), (x, y + gap + 12, "middle")]
    for label_x, label_y, anchor in candidates:
        box = label_box(label_x, label_y, anchor, text_width)
        if inside(box, width, height) and not any(overlaps(box, other) for other in taken):
            taken.append(box)
            return round(label_x, 1), round(label_y, 1), anchor
    return None, None, None


def label_box(label_x, baseline, anchor, text_width):
    """The room a 12px label takes around its baseline, as (left, top, right, bottom)."""
    left = {"start": label_x, "end": label_x - text_width, "middle": label_x - text_width / 2}[anchor]
    return left, baseline - 12, left + text_width, baseline + 4


def point_box(x, y):
    return (x - LOW_RING_RADIUS, y - LOW_RING_RADIUS, x + LOW_RING_RADIUS, y + LOW_RING_RADIUS)


def inside(box, width, height):
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width and bottom <= height


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
