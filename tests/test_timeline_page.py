import datetime


def test_the_timeline_lists_events_by_year(client, make_event):
    make_event(title="Singh meets Shoigu", date=datetime.date(2023, 4, 28))
    make_event(title="Singh leaves for Moscow", date=datetime.date(2020, 9, 2))
    page = client.get("/")
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        html.index('<h2 class="year">2020</h2>') < html.index("Singh leaves for Moscow")
        < html.index('<h2 class="year">2023</h2>') < html.index("Singh meets Shoigu")
    )
    assert "<html" in html


def test_an_htmx_request_gets_only_the_results(client, make_event):
    make_event(title="Singh meets Shoigu")
    page = client.get("/", headers={"HX-Request": "true"})
    html = page.content.decode()
    assert "Singh meets Shoigu" in html
    assert "<html" not in html and 'id="results"' in html
    assert "HX-Request" in page["Vary"]


def test_the_country_filter_keeps_only_matching_events(client, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    html = client.get("/?country=RU").content.decode()
    assert "India and Russia meet" in html and "India and Belarus meet" not in html


def test_the_person_filter_keeps_only_their_events(client, make_event):
    make_event(title="With Singh", people=[("Rajnath Singh", "IN")])
    other = make_event(title="With Jaishankar", people=[("S Jaishankar", "IN")])
    person = other.participants.get()
    html = client.get(f"/?person={person.pk}").content.decode()
    assert "With Jaishankar" in html and "With Singh" not in html


def test_titles_are_escaped(client, make_event):
    make_event(title="<script>alert(1)</script>")
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_document_page_highlights_each_backing_passage(client, make_event):
    event = make_event(title="Singh meets Shoigu", text="Intro line.\nSingh meets Shoigu & talks. Other.")
    source = event.sources.get()
    html = client.get(source.document.get_absolute_url()).content.decode()
    assert f'<mark id="passage-{source.start}-{source.end}" tabindex="-1">Singh meets Shoigu</mark>' in html
    assert "&amp; talks" in html
    assert event.get_absolute_url() in html


def test_every_timeline_passage_links_to_its_place_in_the_document(client, make_event):
    event = make_event(title="Singh meets Shoigu")
    source = event.sources.get()
    html = client.get("/").content.decode()
    assert f"/documents/{source.document_id}/#passage-{source.start}-{source.end}" in html
