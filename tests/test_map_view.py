"""The map view (/map/): the world atlas decoded and projected (events/worldmap.py), and the page's
counts, links, messages and escaping for the events the timeline's filters select."""

import datetime
import math
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import worldmap
from events.models import Country, Event

# A 2×2 square and a triangle sharing its right edge, quantized (integers, delta-encoded) with a
# transform that puts the square at longitudes 10–11 and latitudes 20–20.5.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
    "arcs": [
        [[2, 0], [0, 2]],  # the shared edge, bottom to top: (2,0) -> (2,2)
        [[2, 2], [-2, 0], [0, -2], [2, 0]],  # the square's other three sides: (2,2) -> (0,2) -> (0,0) -> (2,0)
        [[2, 0], [2, 1], [-2, 1]],  # the triangle's other sides: (2,0) -> (4,1) -> (2,2)
    ],
    "objects": {
        "shapes": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "643", "properties": {"name": "Square"}, "arcs": [[0, 1]]},
                {"type": "MultiPolygon", "id": "4", "properties": {"name": "Triangle"}, "arcs": [[[2, -1]]]},
                {"type": "Polygon", "properties": {"name": "Kosovo"}, "arcs": [[0, 1]]},
                {"type": None, "id": "999"},
            ],
        }
    },
}


def close(a, b, tolerance=1e-9):
    return all(math.isclose(x, y, abs_tol=tolerance) for x, y in zip(a, b, strict=True))


# TopoJSON

def test_quantized_arcs_are_summed_then_scaled_and_translated():
    arcs = worldmap.decode_arcs(TOPOLOGY)
    assert arcs[0] == [(11.0, 20.0), (11.0, 20.5)]
    assert arcs[1] == [(11.0, 20.5), (10.0, 20.5), (10.0, 20.0), (11.0, 20.0)]
    assert arcs[2] == [(11.0, 20.0), (12.0, 20.25), (11.0, 20.5)]


def test_arcs_without_a_transform_are_taken_as_they_are():
    topology = {"arcs": [[[-70.5, 10.25], [-70, 11]]], "objects": {}}
    assert worldmap.decode_arcs(topology) == [[(-70.5, 10.25), (-70.0, 11.0)]]


def test_rings_join_arcs_in_order_and_a_negative_index_is_an_arc_reversed():
    arcs = worldmap.decode_arcs(TOPOLOGY)
    # Each joined arc starts where the last ended: that point is not repeated.
    assert worldmap.ring([0, 1], arcs) == [(11, 20), (11, 20.5), (10, 20.5), (10, 20), (11, 20)]
    # ~0 == -1: the shared edge walked top to bottom, closing the triangle.
    assert worldmap.ring([2, -1], arcs) == [(11, 20), (12, 20.25), (11, 20.5), (11, 20)]


def test_features_give_each_geometry_its_id_and_polygons():
    found = worldmap.features(TOPOLOGY, "shapes")
    assert [(numeric, props.get("name"), len(shape)) for numeric, props, shape in found] == [
        ("643", "Square", 1), ("4", "Triangle", 1), (None, "Kosovo", 1), ("999", None, 0),
    ]
    square = found[0][2]
    assert square == [[[(11, 20), (11, 20.5), (10, 20.5), (10, 20), (11, 20)]]]  # one polygon, one ring


def test_atlas_ids_become_alpha_2_codes():
    assert worldmap.alpha2("643") == "RU"
    assert worldmap.alpha2("4") == worldmap.alpha2("004") == "AF"  # ids are zero-padded strings in world-atlas
    assert worldmap.alpha2(None, "Kosovo") == "XK"
    assert worldmap.alpha2(None, "Somaliland") == "SO"
    assert worldmap.alpha2("999", "Nowhere") is None


# Projection

def test_natural_earth_projection():
    assert worldmap.natural_earth(0, 0) == (0, 0)
    assert close(worldmap.natural_earth(180, 0), (math.pi * 0.8707, 0))
    assert math.isclose(worldmap.natural_earth(0, 90)[1], 1.4224, abs_tol=1e-3)  # the pole, d3's geoNaturalEarth1
    x, y = worldmap.natural_earth(37.6, 55.75)
    assert close(worldmap.natural_earth(-37.6, -55.75), (-x, -y))  # symmetric about both axes
    # Meridians bend in towards the poles; parallels stay straight.
    assert worldmap.natural_earth(180, 60)[0] < worldmap.natural_earth(180, 0)[0]
    assert worldmap.natural_earth(-120, 45)[1] == worldmap.natural_earth(60, 45)[1]


def test_the_frame_puts_the_world_in_the_viewbox_north_up():
    frame = worldmap.Frame()
    assert close(frame(-180, 0), (0, frame(0, 0)[1]))
    assert close(frame(180, 0), (worldmap.WIDTH, frame(0, 0)[1]))
    assert math.isclose(frame(0, worldmap.NORTH)[1], 0, abs_tol=1e-9)
    assert math.isclose(frame(0, worldmap.SOUTH)[1], frame.height, abs_tol=0.1)
    moscow, delhi = frame(37.6, 55.75), frame(77.2, 28.6)
    assert moscow[1] < delhi[1] and moscow[0] < delhi[0]  # north is up, east is right


def test_path_data_is_relative_steps_between_rounded_points():
    def project(lon, lat):
        return lon, lat

    d = worldmap.path_data([[[(0, 0), (10, 0), (10.04, 0), (10, 5.55), (0, 0)]]], project)
    # (10.04, 0) rounds onto (10, 0) and the closing point onto the first.
    assert d == "M0 0l10 0 0 5.6z"
    assert worldmap.path_data([[[(0, 0), (0.01, 0), (0, 0.01)]]], project) == ""  # smaller than a tenth


def test_a_shape_across_the_antimeridian_is_cut_in_two():
    frame = worldmap.Frame()
    # Longitudes 170 to -170 across 180: one ring in the data, two pieces on the map's two edges.
    d = worldmap.path_data([[[(170, 60), (-170, 60), (-170, 65), (170, 65), (170, 60)]]], frame)
    assert d.count("M") == 2
    starts = [float(m) for m in re.findall(r"M(-?[\d.]+)", d)]
    assert min(starts) < 100 and max(starts) > 850  # one piece at each edge of the map
    steps = [float(x) for x in re.findall(r"-?[\d.]+", " ".join(re.findall(r"l([^z]*)z", d)).replace("-", " -"))][::2]
    assert max(abs(dx) for dx in steps) < 30  # and no line across the map between them


def test_the_world_has_the_countries_in_iso_codes_and_no_antarctica():
    world = worldmap.world()
    assert world is worldmap.world()  # decoded once
    assert {"RU", "IN", "US", "CN", "BR", "AU", "XK", "FJ"} <= set(world.shapes)
    assert "AQ" not in world.shapes
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in world.shapes)
    assert all(d.startswith("M") and d.endswith("z") for d in world.shapes.values())
    assert world.width == worldmap.WIDTH and 400 < world.height < 500


def test_shade_classes_grow_geometrically_at_round_numbers():
    assert worldmap.breaks(0) == []
    assert worldmap.breaks(1) == [1]
    assert worldmap.breaks(9) == [1, 2, 5]
    assert worldmap.breaks(30_000) == [1, 10, 100, 500, 5000]
    assert [(s.css, s.label) for s in worldmap.shades([1, 2, 5], 9)] == [
        ("shade-1", "1"), ("shade-3", "2–4"), ("shade-5", "5–9"),
    ]
    assert worldmap.shades([1, 10, 100, 500, 5000], 30_000)[-1].label == "5,000–30,000"


def test_cities_are_found_in_the_gazetteer_by_name_and_country():
    lat, lon = worldmap.city_location("Moscow", "RU")
    assert math.isclose(lat, 55.75, abs_tol=0.1) and math.isclose(lon, 37.62, abs_tol=0.1)
    assert worldmap.city_location("St. Petersburg", "RU") == worldmap.city_location("Saint Petersburg", "RU")
    assert worldmap.city_location("Brasilia", "BR") == worldmap.city_location("Brasília", "BR")
    assert worldmap.city_location("Moscow", "IN") is None  # not the name of a city in that country
    assert worldmap.city_location("Atlantis", "GR") is None
    assert worldmap.city_location("Moscow", None) is None


# The page

@pytest.fixture
def venues(make_event):
    for code, name in [("RU", "Russia"), ("IN", "India"), ("CN", "China"), ("SG", "Singapore")]:
        Country.objects.get_or_create(code=code, defaults={"name": name})

    def make(n, venue, **kwargs):
        return [make_event(title=f"Talks {venue[0] if venue else 'nowhere'} {i}", venue=venue, **kwargs) for i in range(n)]

    return make


def links(html):
    """{aria-label: href} of the map's links."""
    return {label: href.replace("&amp;", "&") for href, label in re.findall(r'<a href="([^"]*)" aria-label="([^"]*)"', html)}


def test_countries_are_counted_by_their_events_venues(client, venues):
    venues(2, ("Moscow", "RU"), countries=("IN", "RU"))
    venues(1, ("Saint Petersburg", "RU"), countries=("RU",))
    venues(1, ("Russia", "RU"), countries=("RU",))  # known only to the country
    venues(3, ("New Delhi", "IN"))
    venues(1, None)
    page = client.get("/map/")
    html = page.content.decode()
    assert page.status_code == 200
    found = links(html)
    assert found["Russia: 4 events"] == "/?country=RU"
    assert found["India: 3 events"] == "/?country=IN"
    assert found["Moscow, Russia: 2 events"] == "/?country=RU&q=Moscow"
    assert found["Saint Petersburg, Russia: 1 event"] == "/?country=RU&q=Saint+Petersburg"
    assert "China" not in html
    # The table says the same, in the same order (most events first).
    rows = re.findall(r'<th scope="row">.*?<a href="([^"]*)">([^<]*)</a></th>(?:<td>[^<]*</td>)?<td class="num">(\d+)</td>', html)
    assert [(name, int(n)) for _, name, n in rows] == [
        ("Russia", 4), ("India", 3), ("New Delhi", 3), ("Moscow", 2), ("Saint Petersburg", 1),
    ]
    assert "Russia</a></th><td>" not in html  # the country itself is not a place in the places table
    assert "8 events." in html
    assert re.search(r"1 event has no known place: <a href=\"/\">see the list</a>", html)


def test_the_counts_follow_the_filters_as_the_list_does(client, venues):
    venues(2, ("Moscow", "RU"), kind="meeting")
    venues(1, ("Moscow", "RU"), kind="visit")
    venues(1, ("New Delhi", "IN"), kind="visit", date=datetime.date(2019, 1, 1))
    html = client.get("/map/?kind=visit&from=2023").content.decode()
    assert links(html) == {
        "Russia: 1 event": "/?kind=visit&from=2023&country=RU",
        "Moscow, Russia: 1 event": "/?kind=visit&from=2023&country=RU&q=Moscow",
    }
    listed = client.get("/?kind=visit&from=2023").content.decode()
    assert "1 event</h2>" in listed and "1 event match these filters." in html


def test_links_keep_the_filters_and_put_the_place_among_the_words(client, venues):
    venues(1, ("Moscow", "RU"), countries=("IN", "RU"))
    html = client.get("/map/?country=IN&q=talks&review=&after=2023-04-28.0.1").content.decode()
    found = links(html)
    # The country filter takes any of its countries: adding Russia to India would widen the list,
    # so the country replaces it. The search needs every word: the place's name narrows it.
    assert found["Russia: 1 event"] == "/?q=talks&country=RU"
    assert found["Moscow, Russia: 1 event"] == "/?country=RU&q=talks+Moscow"
    assert 'href="/?country=IN&amp;q=talks">Show these events as a list' in html  # without the cursor or empty fields


def test_the_timeline_links_to_the_map_with_its_filters(client, venues):
    venues(1, ("Moscow", "RU"))
    html = client.get("/?country=RU&kind=meeting").content.decode()
    assert 'href="/map/?country=RU&amp;kind=meeting">Show these events on a map</a>' in html
    fragment = client.get("/?q=talks", headers={"HX-Request": "true"}).content.decode()
    assert 'href="/map/?q=talks">Show these events on a map</a>' in fragment


def test_no_events_says_so_and_still_draws_the_map(client, venues):
    venues(1, ("Moscow", "RU"))
    html = client.get("/map/?q=zanzibar").content.decode()
    assert "No events match these filters." in html
    assert '<svg class="world-map"' in html and html.count("<path") > 150
    assert links(html) == {}
    assert "no known place" not in html


def test_an_empty_database_draws_the_map(client, db):
    page = client.get("/map/")
    assert page.status_code == 200
    assert "No events match these filters." in page.content.decode()


def test_place_and_country_names_are_escaped(client, venues):
    venues(1, ('<b>"Evil" & Co</b>', "RU"))
    Country.objects.create(code="BA", name="Bosnia & <i>Herzegovina</i>")
    venues(1, ("Sarajevo", "BA"))
    html = client.get("/map/").content.decode()
    assert "<b>" not in html and "<i>" not in html
    assert "&lt;b&gt;&quot;Evil&quot; &amp; Co&lt;/b&gt;" in html  # in the table
    assert 'q=%3Cb%3E%22Evil%22+%26+Co%3C%2Fb%3E"' in html  # in the link
    label = "Bosnia &amp; &lt;i&gt;Herzegovina&lt;/i&gt;: 1 event"  # on the map
    assert f'aria-label="{label}"><title>{label}</title><path' in html
    assert 'aria-label="Sarajevo, Bosnia &amp; &lt;i&gt;Herzegovina&lt;/i&gt;: 1 event"' in html


def test_a_country_too_small_for_the_atlas_is_a_square_at_its_capital(client, venues):
    venues(2, ("Singapore", "SG"))
    html = client.get("/map/").content.decode()
    assert re.search(r'aria-label="Singapore: 2 events"><title>Singapore: 2 events</title><rect class="area small shade-\d"', html)


def test_a_place_the_gazetteer_does_not_know_is_listed_but_not_drawn(client, venues):
    venues(1, ("Camp Nowhere", "RU"))
    html = client.get("/map/").content.decode()
    assert "Camp Nowhere" in html and "<circle cx=" not in html
    assert "Places without a dot have no coordinates in the gazetteer." in html


def test_the_map_makes_as_many_queries_for_many_events_and_places(client, venues):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/map/?kind=meeting").status_code == 200
        return [q["sql"] for q in captured.captured_queries]

    venues(1, ("Moscow", "RU"))
    few = queries()
    venues(5, ("Moscow", "RU"))
    venues(5, ("Beijing", "CN"))
    venues(5, ("New Delhi", "IN"))
    venues(3, None)
    many = queries()
    assert len(many) == len(few)
    assert sum("GROUP BY venue_id" in sql for sql in many) == 1
    assert Event.objects.count() == 19
