"""The map: published places with coordinates, or their counts per area when they are many.

Drawn in an equirectangular projection, in SVG user units. Nothing here renders HTML,
and every function asks its queryset for published rows itself, so a draft can never be
drawn or counted. A place without coordinates is listed, never given a point: where a
published place it lies within can be drawn (a located commune or region, or a country of
the base map), it is listed as somewhere in that area, and the area is highlighted.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, ExpressionWrapper, F, FloatField, Max, Min, Q, Value
from django.db.models.functions import Floor
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from editorial.counts import kept_per_version

from ..models import Place
from . import basemap

# The drawing's largest size in SVG units: small enough that at 390 px a 12-unit label still
# reads at about 9 px, since the drawing shrinks to the screen rather than scrolling.
MAP_MAX_WIDTH = 480
MAP_MAX_HEIGHT = 520
# The event page's small map.
MINI_MAP_MAX_WIDTH = 360
MINI_MAP_MAX_HEIGHT = 300
MAP_MARGIN_FRACTION = 0.12
MAP_MIN_MARGIN_DEGREES = 0.3
# An event's places alone may be a single point: its map shows at least this much around them.
MINI_MAP_MIN_SPAN_DEGREES = 4
MAP_LABEL_FONT_WIDTH = 7  # a generous average advance of a 12px sans-serif character
POINT_RADIUS = 6
# Places that are areas: their point is a convention for the whole area, never where something
# happened, so they are drawn as area markers (or as the area itself, for a country the base map
# has). A commune is named after its central village, whose point it has, so it is drawn as a place.
AREA_KINDS = (Place.Kind.COUNTRY, Place.Kind.REGION, Place.Kind.CERCLE, Place.Kind.AREA)
# Settlements drawn for orientation on a map of some events' places.
TOWN_KINDS = (Place.Kind.TOWN, Place.Kind.COMMUNE, Place.Kind.VILLAGE)
ORIENTATION_TOWNS = 8
# Parents looked up for a place without coordinates: village, commune, cercle, region, country.
ANCESTRY = "parent__parent__parent__parent"
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
    # For a place shown, the published place it lies within that the map draws (by the place's id).
    within: dict = None

    @property
    def not_shown(self):
        return self.total - len(self.shown)

    @property
    def rows(self):
        """(place, the drawn area it is somewhere in, or None) for each place shown."""
        return [(place, (self.within or {}).get(place.pk)) for place in self.shown]


@dataclass
class MapPoint:
    place: Place
    x: float
    y: float
    confidence: str
    label_x: float
    label_y: float
    label_anchor: str
    # A place without coordinates listed beside the map lies somewhere in this one.
    is_highlighted: bool = False
    # Drawn only for orientation on a map of events: none of them is said to be there.
    is_orientation: bool = False

    @property
    def is_area(self):
        return self.place.kind in AREA_KINDS

    @property
    def marker_class(self):
        kind = "map-town" if self.is_orientation else "map-area" if self.is_area else "map-point"
        return f"{kind} point-{self.confidence}{' highlighted' if self.is_highlighted else ''}"

    @property
    def diamond(self):
        """An area marker's outline: a diamond around the conventional point."""
        size = self.radius + 2
        return f"M{self.x},{round(self.y - size, 1)}l{size},{size} -{size},{size} -{size},-{size}z"

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
    # The base map: country shapes, the scale bar and the locator inset (None on the small map).
    countries: list = None
    scale_bar: basemap.ScaleBar = None
    locator: basemap.Locator = None
    projection: "Projection" = None
    # The graticule's labels sit inside the frame, so the drawing is only a border wider than it.
    frame_x = 1
    frame_y = 1
    top_label_y = 12
    attribution = basemap.ATTRIBUTION_ON_MAP

    @property
    def svg_width(self):
        return round(self.width + 2, 1)

    @property
    def svg_height(self):
        return round(self.height + 2, 1)

    @property
    def scale_bar_y(self):
        return round(self.height - 24, 1)

    @property
    def attribution_x(self):
        return round(self.width - 4, 1)

    @property
    def attribution_y(self):
        return round(self.height - 5, 1)

    @property
    def named_countries(self):
        return [country for country in self.countries or () if country.label_x is not None]


@dataclass
class PlaceMap(MapFrame):
    points: list = None
    # Located places in the area left out because even its smallest square holds more than DETAIL_LIMIT.
    not_drawn: int = 0

    is_counted = False

    @property
    def is_empty(self):
        """Nothing of the record drawn: borders alone are no map of it."""
        return not self.points and not self.linked_countries

    @property
    def places(self):
        """The places drawn for themselves, not for orientation."""
        return [point for point in self.points if not point.is_orientation]

    @property
    def towns(self):
        return [point for point in self.points if point.is_orientation]

    @property
    def linked_countries(self):
        """The countries of the record drawn as their borders, with the place each stands for."""
        return [country for country in self.countries or () if country.place is not None]

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


def chart_places(places, area=None, orientation=False, mini=False):
    """The published places of a queryset (within an area, if given): drawn as points when few, else counted per square.

    ``orientation`` adds a few located towns of the record around them (a map of some events'
    places); ``mini`` draws the event page's small map, without a locator inset.
    """
    published = places.published()
    # One pass over the places for what every view needs, once per version of the record: how many
    # have no coordinates, and how far the located ones spread (the frame of the counted map).
    summary = kept_per_version("places' extent", published.order_by(), lambda: published.order_by().aggregate(
        unplaced=Count("pk", filter=Q(latitude__isnull=True)),
        south=Min("latitude"), north=Max("latitude"), west=Min("longitude"), east=Max("longitude"),
    ))
    shown = list(
        published.filter(latitude__isnull=True).select_related(ANCESTRY).order_by("name", "pk")[:UNPLACED_SHOWN]
    )
    unplaced = Unplaced(shown, summary["unplaced"])
    located = published.filter(latitude__isnull=False)
    if area is not None:
        located = area.holding(located)
    few = len(located.order_by().values_list("pk", flat=True)[: DETAIL_LIMIT + 1]) <= DETAIL_LIMIT
    if few:
        return build_place_map(located, unplaced, area, orientation=orientation, mini=mini)
    if area is not None and area.span <= CELL_SIZES[0]:
        return build_place_map(located, unplaced, area, limit=DETAIL_LIMIT)
    if area is None:
        area = Area(west=summary["west"], south=summary["south"], east=summary["east"], north=summary["north"])
        return count_place_map(located, unplaced, extent=area)
    return count_place_map(located, unplaced, area)


def locate_unplaced(unplaced):
    """Where the places without coordinates are: in a located place (drawn highlighted) or in a country's borders.

    Fills ``unplaced.within``; returns the located places and the base map's countries to highlight, as {id: place}.
    """
    unplaced.within = {}
    highlighted_places, highlighted_countries = {}, {}
    for place in unplaced.shown:
        ancestor = drawable_ancestor(place)
        if ancestor is None:
            continue
        unplaced.within[place.pk] = ancestor
        country = base_country(ancestor)
        if country:
            highlighted_countries[country["id"]] = ancestor
        else:
            highlighted_places[ancestor.pk] = ancestor
    return highlighted_places, highlighted_countries


def drawable_ancestor(place):
    """The nearest published place this one lies within that the map can draw: one with a point, or a country
    the base map has. Never a draft: the walk up stops at the first place that is not published."""
    parent = place.parent
    for _level in range(ANCESTRY.count("parent")):
        if parent is None or not parent.is_published:
            return None
        if parent.has_coordinates or (parent.kind == Place.Kind.COUNTRY and base_country(parent)):
            return parent
        parent = parent.parent
    return None


def base_country(place):
    return basemap.country_named(place.search_names()) if place.kind == Place.Kind.COUNTRY else None


def build_place_map(located, unplaced, area=None, limit=None, orientation=False, mini=False):
    """Project the located places; frame them and the areas the unplaced ones lie in with a margin, or frame the area asked for."""
    located = located.only("slug", "name", "kind", "latitude", "longitude", "coordinate_confidence").order_by("name", "pk")
    not_drawn = 0
    if limit is not None:
        not_drawn = max(located.count() - limit, 0)
        located = located[:limit]
    located = list(located)

    highlighted_places, highlighted_countries = locate_unplaced(unplaced)
    if area is not None:
        highlighted_places = {
            pk: place for pk, place in highlighted_places.items()
            if area.south <= place.latitude < area.north and area.west <= place.longitude < area.east
        }
    # A country the base map has is drawn as its borders, its name a link to its place: not as a point.
    countries_drawn = dict(highlighted_countries)
    for place in [*located, *highlighted_places.values()]:
        country = base_country(place)
        if country:
            countries_drawn[country["id"]] = place
    located_ids = {place.pk for place in located}
    extra = [place for pk, place in highlighted_places.items() if pk not in located_ids]
    drawn = [place for place in [*located, *extra] if not base_country(place)]

    if not drawn and not countries_drawn and area is None:
        return PlaceMap(width=MAP_MAX_WIDTH, height=0, meridians=[], parallels=[], unplaced=unplaced, area=None, points=[])

    if area is None:
        south, north, west, east = frame_around(drawn, countries_drawn, mini)
    else:
        south, north, west, east = float(area.south), float(area.north), float(area.west), float(area.east)
    size = {"max_width": MINI_MAP_MAX_WIDTH, "max_height": MINI_MAP_MAX_HEIGHT} if mini else {}
    projection = Projection(south, north, west, east, **size)

    towns = []
    if orientation:
        shown_ids = [place.pk for place in drawn]
        towns = list(
            Place.objects.published().filter(kind__in=TOWN_KINDS, latitude__isnull=False)
            .filter(latitude__gte=south, latitude__lt=north, longitude__gte=west, longitude__lt=east)
            .exclude(pk__in=shown_ids).only("slug", "name", "kind", "latitude", "longitude", "coordinate_confidence")
            .order_by("name", "pk")[:ORIENTATION_TOWNS]
        )

    positions = {place.pk: projection.project(float(place.latitude), float(place.longitude)) for place in [*drawn, *towns]}
    taken = [point_box(x, y) for x, y in positions.values()]
    labels = {}
    # The best-known points choose their label positions first, the orientation towns last.
    for place in sorted(drawn, key=lambda place: CONFIDENCE_RANK[place.coordinate_confidence]) + towns:
        labels[place.pk] = place_label(place.name, *positions[place.pk], projection.width, projection.height, taken)
    points = [
        MapPoint(place, *positions[place.pk], place.coordinate_confidence, *labels[place.pk],
                 is_highlighted=place.pk in highlighted_places)
        for place in drawn
    ] + [MapPoint(place, *positions[place.pk], place.coordinate_confidence, *labels[place.pk], is_orientation=True) for place in towns]
    return PlaceMap(
        **projection.frame(), unplaced=unplaced, area=area, points=points, not_drawn=not_drawn,
        countries=basemap.country_shapes(projection, highlighted_countries, countries_drawn),
        scale_bar=basemap.scale_bar(projection),
        locator=None if mini else basemap.locator(projection, Projection),
    )


def frame_around(places, country_ids, mini):
    """South, north, west and east edges around these places and countries, with a margin."""
    countries = {country["id"]: country for country in basemap.load_basemap()["countries"]}
    latitudes = [float(place.latitude) for place in places]
    longitudes = [float(place.longitude) for place in places]
    for country_id in country_ids:
        west, south, east, north = countries[country_id]["bounds"]
        latitudes += [south, north]
        longitudes += [west, east]
    south, north = padded(min(latitudes), max(latitudes), mini)
    west, east = padded(min(longitudes), max(longitudes), mini)
    return south, north, west, east


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
    # Every located place in the area is read for these (10 ms at 100,000 events on SQLite): once per version.
    for row, column, confidence, number in kept_per_version("places by square", counts, lambda: list(counts)):
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
    _, highlighted_countries = locate_unplaced(unplaced)
    return GridMap(
        **projection.frame(), unplaced=unplaced, area=area, cells=cells, cell_size=size,
        countries=basemap.country_shapes(projection, highlighted_countries, highlighted_countries),
        scale_bar=basemap.scale_bar(projection), locator=basemap.locator(projection, Projection),
    )


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
    a degree of longitude is as wide as it is on the ground there.

    Chosen for the Sahel at the scale of Mali: over its 15 degrees of latitude (10°N to 25°N)
    the east-west scale is off by at most 5 % at the frame's edges, north-south distances are
    true everywhere, and a box of degrees (a square of the counted map, an address's bbox) stays
    a rectangle on the map, so that what a square shows is exactly the area its link asks for.
    The scale bar is true along the standard parallel.
    """

    def __init__(self, south, north, west, east, max_width=MAP_MAX_WIDTH, max_height=MAP_MAX_HEIGHT):
        self.south, self.north, self.west, self.east = south, north, west, east
        self.standard_parallel = (south + north) / 2
        self.x_stretch = math.cos(math.radians(self.standard_parallel))
        self.scale = min(max_width / ((east - west) * self.x_stretch), max_height / (north - south))
        self.width = round((east - west) * self.x_stretch * self.scale, 1)
        self.height = round((north - south) * self.scale, 1)

    def project(self, latitude, longitude):
        return round((longitude - self.west) * self.x_stretch * self.scale, 1), round((self.north - latitude) * self.scale, 1)

    def frame(self):
        """The size of the drawing and its graticule."""
        return {
            "projection": self,
            "width": self.width,
            "height": self.height,
            "meridians": [
                # Unlabelled at the frame's edges, where the label would be cut.
                GridLine(x, degrees(lon, *east_west()) if 16 <= x <= self.width - 16 else "")
                for lon in grid_degrees(self.west, self.east) for x in [self.project(self.south, lon)[0]]
            ],
            # Unlabelled under the meridians' labels and beside the scale bar, where they would collide.
            "parallels": [
                GridLine(y, degrees(lat, *north_south()) if 24 <= y <= self.height - 40 else "")
                for lat in grid_degrees(self.south, self.north) for y in [self.project(lat, self.west)[1]]
            ],
        }


def padded(low, high, mini=False):
    margin = max((high - low) * MAP_MARGIN_FRACTION, MAP_MIN_MARGIN_DEGREES)
    if mini:
        margin = max(margin, (MINI_MAP_MIN_SPAN_DEGREES - (high - low)) / 2)
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
