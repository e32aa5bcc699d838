import datetime
import json

from django.core.management import call_command

from events.models import Event


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_list_has_the_same_event_shape_as_export_events_json(client, make_event, capsys):
    event = make_event(title="Singh meets Shoigu", countries=("IN", "RU"), venue=("Moscow", "RU"))
    event.needs_review, event.review_reason = True, "Reports disagree on the day."
    event.save()
    call_command("export_events", "--format", "json")
    exported = json.loads(capsys.readouterr().out)
    assert get_json(client, "/api/events")["events"] == exported["events"]
    assert get_json(client, f"/api/events/{event.pk}") == exported["events"][0]


def test_the_list_is_in_timeline_order_with_undated_events_last(client, make_event):
    undated = make_event(title="Undated", precision="unknown")
    month = make_event(title="April", date=datetime.date(2023, 4, 1), precision="month")
    day = make_event(title="1 April", date=datetime.date(2023, 4, 1))
    earlier = make_event(title="2020", date=datetime.date(2020, 9, 2))
    ids = [e["id"] for e in get_json(client, "/api/events")["events"]]
    assert ids == [earlier.pk, day.pk, month.pk, undated.pk]


def test_following_next_links_returns_every_event_once_in_order(client, make_event, django_assert_max_num_queries):
    for day in (5, 1, 3):
        make_event(title=f"Day {day}", date=datetime.date(2023, 4, day))
    make_event(title="Same day, later id", date=datetime.date(2023, 4, 3))
    make_event(title="April", date=datetime.date(2023, 4, 1), precision="month")
    make_event(title="2023", date=datetime.date(2023, 1, 1), precision="year")
    make_event(title="Undated 1", precision="unknown")
    make_event(title="Undated 2", precision="unknown")
    expected = [e.pk for e in Event.objects.chronological()]
    seen, url, pages = [], "/api/events?limit=2", 0
    while url:
        with django_assert_max_num_queries(8):
            page = client.get(url).json()
        assert len(page["events"]) <= 2
        seen += [e["id"] for e in page["events"]]
        url, pages = page["next"], pages + 1
    assert seen == expected
    assert pages == 4


def test_the_next_link_keeps_the_filters_and_carries_an_opaque_cursor(client, make_event):
    for day in (1, 2, 3):
        make_event(title=f"India and Russia {day}", date=datetime.date(2023, 4, day), countries=("IN", "RU"))
    make_event(title="India alone", date=datetime.date(2023, 4, 2), countries=("IN",))
    first = get_json(client, "/api/events", country="RU", limit=2)
    assert first["next"].startswith("http://testserver/api/events?")
    assert "country=RU" in first["next"] and "cursor=" in first["next"] and "offset" not in first["next"]
    second = client.get(first["next"]).json()
    assert [e["title"] for e in first["events"] + second["events"]] == [f"India and Russia {d}" for d in (1, 2, 3)]
    assert second["next"] is None


def test_a_tampered_cursor_is_a_400(client, make_event):
    for day in (1, 2):
        make_event(date=datetime.date(2023, 4, day))
    next_url = get_json(client, "/api/events", limit=1)["next"]
    body = get_json(client, next_url.replace("cursor=", "cursor=x"), status=400)
    assert "cursor" in body["fields"]


def test_the_country_filter_selects_like_the_page(client, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    assert [e["title"] for e in get_json(client, "/api/events", country="RU")["events"]] == ["India and Russia meet"]
    both = get_json(client, "/api/events?country=RU&country=BY")["events"]
    assert len(both) == 2


def test_the_person_filter_selects_their_events(client, make_event):
    make_event(title="With Singh", people=[("Rajnath Singh", "IN")])
    other = make_event(title="With Jaishankar", people=[("S Jaishankar", "IN")])
    events = get_json(client, "/api/events", person=other.participants.get().pk)["events"]
    assert [e["title"] for e in events] == ["With Jaishankar"]


def test_an_invalid_filter_value_is_a_json_400_naming_the_parameter(client, make_event):
    make_event()
    body = get_json(client, "/api/events", status=400, person="not-a-number")
    assert body["error"] and list(body["fields"]) == ["person"]


def test_an_unknown_parameter_is_a_400_rather_than_an_unfiltered_list(client, make_event):
    make_event()
    body = get_json(client, "/api/events", status=400, contry="RU")
    assert "contry" in body["fields"]


def test_a_limit_out_of_range_is_a_400(client, db):
    for limit in ("0", "201", "many"):
        assert "limit" in get_json(client, "/api/events", status=400, limit=limit)["fields"]


def test_an_unknown_event_a_malformed_id_and_an_unknown_path_are_json_404s(client, db):
    for url in ["/api/events/999", "/api/events/12abc", "/api/events/%D9%A1", "/api/nothing/here"]:
        assert get_json(client, url, status=404)["error"]


def test_the_api_is_read_only_with_json_405s(client, make_event):
    event = make_event()
    for url in ["/api/events", f"/api/events/{event.pk}", "/api/events.csv", "/api/openapi.json"]:
        for method in (client.post, client.put, client.patch, client.delete):
            response = method(url)
            assert response.status_code == 405
            assert response["Allow"] == "GET, HEAD, OPTIONS"
            assert response.json()["error"]
    assert Event.objects.filter(pk=event.pk).exists()


def test_the_api_needs_no_login_and_any_site_may_read_it(client, make_event):
    make_event()
    response = client.get("/api/events")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_list_runs_a_fixed_number_of_queries(client, make_event, django_assert_max_num_queries):
    for day in range(1, 11):
        make_event(title=f"Event {day}", date=datetime.date(2023, 4, day), people=[(f"Person {day}", "IN")])
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/events").json()["events"]) == 10


def titles(client, **params):
    return [e["title"] for e in get_json(client, "/api/events", **params)["events"]]


def test_the_topic_filter_selects_events_on_that_topic(client, make_event):
    from events.models import Topic

    make_event(title="On defence").topics.add(Topic.objects.get_or_create(slug="defence", defaults={"name": "Defence"})[0])
    make_event(title="On trade").topics.add(Topic.objects.get_or_create(slug="trade", defaults={"name": "Trade"})[0])
    assert titles(client, topic="defence") == ["On defence"]


def test_the_kind_filter_selects_events_of_that_kind(client, make_event):
    make_event(title="A visit", kind="visit")
    make_event(title="A meeting", kind="meeting")
    assert titles(client, kind="visit") == ["A visit"]
    assert "kind" in get_json(client, "/api/events", status=400, kind="party")["fields"]


def test_from_and_to_select_events_whose_period_overlaps(client, make_event):
    make_event(title="March 2023", date=datetime.date(2023, 3, 31))
    make_event(title="April 2023", date=datetime.date(2023, 4, 1), precision="month")
    make_event(title="Year 2023", date=datetime.date(2023, 1, 1), precision="year")
    make_event(title="May 2023", date=datetime.date(2023, 5, 2))
    make_event(title="Undated", precision="unknown")
    assert titles(client, **{"from": "2023-04-15", "to": "2023-04"}) == ["Year 2023", "April 2023"]
    assert "to" in get_json(client, "/api/events", status=400, to="2023-02-30")["fields"]


def test_q_matches_text_ignoring_case(client, make_event):
    make_event(title="Singh meets Shoigu")
    make_event(title="Singh meets Belousov")
    assert titles(client, q="BELOUSOV") == ["Singh meets Belousov"]


def test_review_selects_only_flagged_events(client, make_event):
    make_event(title="Clear")
    flagged = make_event(title="Disputed")
    Event.objects.filter(pk=flagged.pk).update(needs_review=True, review_reason="Dates disagree.")
    assert titles(client, review="true") == ["Disputed"]
    assert titles(client) == ["Clear", "Disputed"]


def test_the_pages_chunk_cursor_is_not_an_api_parameter(client, make_event):
    """The timeline page's `after` would be ignored here (the API pages with `cursor`); refusing it
    says so instead of answering a different page than was asked for."""
    make_event()
    assert "after" in get_json(client, "/api/events", status=400, after="2023-04-28.0.1")["fields"]


def test_each_export_runs_a_fixed_number_of_queries(client, make_event, django_assert_max_num_queries):
    for day in range(1, 11):
        make_event(
            title=f"Event {day}", date=datetime.date(2023, 4, day), countries=("IN", "RU"),
            venue=(f"City {day}", "RU"), people=[(f"Person {day}", "IN")],
        )
    for url in ["/api/events.csv", "/api/events.ics", "/api/events/timelinejs.json", "/api/events/timelinejs.csv"]:
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200
