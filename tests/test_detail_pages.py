"""The pages that let a reader check an event: the event with its sources, the whole document,
and a person's own timeline."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Document, Event, Person, Source

ARTICLE = "NEW DELHI: First paragraph.\nSingh met Shoigu on Friday in Moscow. They talked & agreed.\nLast paragraph."


def test_the_event_page_shows_each_source_in_its_paragraph(client, make_event):
    event = make_event(title="Singh met Shoigu", text=ARTICLE)
    source = event.sources.get()
    Document.objects.filter(pk=source.document_id).update(outlet="The Hindu", published=datetime.date(2023, 4, 28))
    other = Document.objects.create(text="Elsewhere: Singh met Shoigu.", filename="x.txt")
    Source.objects.create(event=event, document=other, start=11, end=27)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<h1>Singh met Shoigu</h1>" in html and "2 reports" in html
    assert "The Hindu" in html and "28 April 2023" in html
    assert "Unknown outlet" in html and "No publication date" in html
    # The paragraph around the passage, not the whole article, with the exact span marked.
    assert "<mark>Singh met Shoigu</mark> on Friday in Moscow. They talked &amp; agreed." in html
    assert "First paragraph" not in html
    assert f'href="/documents/{source.document_id}/#passage-{source.start}-{source.end}"' in html


def test_a_long_paragraph_is_cut_around_the_passage(client, make_event):
    text = "a " * 1000 + "Singh met Shoigu" + " b" * 1000
    event = make_event(title="Singh met Shoigu", text=text)
    html = client.get(event.get_absolute_url()).content.decode()
    quote = re.search(r"<blockquote>(.*?)</blockquote>", html, re.S).group(1)
    assert quote.startswith("… ") and quote.endswith(" …") and len(quote) < 1000


def test_an_unknown_event_is_not_found(client, db):
    assert client.get("/events/12345/").status_code == 404


def test_the_document_page_lists_its_events_and_says_when_it_has_no_date(client, make_event):
    event = make_event(title="Singh met Shoigu", text=ARTICLE)
    source = event.sources.get()
    html = client.get(source.document.get_absolute_url()).content.decode()
    assert "No publication date" in html
    assert f'<a href="{event.get_absolute_url()}">Singh met Shoigu</a>' in html
    assert f'<a href="#passage-{source.start}-{source.end}">go to the passage</a>' in html
    assert "They talked &amp; agreed." in html


def test_the_document_page_gives_date_and_outlet_when_known(client, make_event):
    document = make_event(text=ARTICLE, title="Singh met Shoigu").sources.get().document
    Document.objects.filter(pk=document.pk).update(outlet="The <Hindu>", published=datetime.date(2023, 4, 28))
    html = client.get(document.get_absolute_url()).content.decode()
    assert "Published <time datetime=\"2023-04-28\">28 April 2023</time> · The &lt;Hindu&gt;" in html


def test_overlapping_passages_each_keep_an_anchor(client, make_event):
    event = make_event(title="Singh met Shoigu", text=ARTICLE)
    source = event.sources.get()
    second = Event.objects.create(title="Meeting in Moscow")
    Source.objects.create(event=second, document=source.document, start=source.start + 10, end=source.end + 20)
    html = client.get(source.document.get_absolute_url()).content.decode()
    assert f'id="passage-{source.start}-{source.end}"' in html
    assert f'id="passage-{source.start + 10}-{source.end + 20}"' in html
    assert html.count("<mark ") == 1
    assert event.get_absolute_url() in html and second.get_absolute_url() in html


def test_the_person_page_shows_their_timeline_counterparts_and_visits(client, make_event):
    make_event(title="Singh in Moscow", people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")],
               countries=("IN", "RU"), venue=("Moscow", "RU"))
    make_event(title="Singh again in Moscow", people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")],
               countries=("IN", "RU"), venue=("Moscow", "RU"), date=datetime.date(2023, 6, 1))
    make_event(title="Singh at home", people=[("Rajnath Singh", "IN"), ("Li Shangfu", "CN")],
               countries=("IN", "CN"), venue=("New Delhi", "IN"))
    make_event(title="Without Singh", people=[("S Jaishankar", "IN")])
    singh = Person.objects.get(name="Rajnath Singh")
    shoigu = Person.objects.get(name="Sergei Shoigu")
    html = client.get(singh.get_absolute_url()).content.decode()
    assert "<h1>Rajnath Singh</h1>" in html
    assert re.findall(r'class="event-title"[^>]*><a[^>]*>([^<]+)<', html) == ["Singh in Moscow", "Singh at home", "Singh again in Moscow"]
    assert f'<a href="{shoigu.get_absolute_url()}">Sergei Shoigu</a> <span class="muted">(RU)</span> · 2 events' in html
    assert "Jaishankar" not in html
    # Visits abroad: the venue's country, not their own.
    visited = re.search(r'id="visited-heading".*?</section>', html, re.S).group(0)
    assert f'href="/?person={singh.pk}&amp;country=RU">RU</a> · 2 events' in visited and ">IN<" not in visited


def test_the_person_page_takes_the_same_number_of_queries_for_many_events(client, make_event):
    def queries(url):
        """Queries of a request once the timeline index has taken in the writes before it."""
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url).content.decode()
        return len(captured), page

    make_event(people=[("Rajnath Singh", "IN"), ("Minister 0", "RU")], venue=("Moscow", "RU"))
    singh = Person.objects.get(name="Rajnath Singh")
    one, _ = queries(singh.get_absolute_url())
    for n in range(1, 40):
        make_event(people=[("Rajnath Singh", "IN"), (f"Minister {n}", "RU")], venue=("Moscow", "RU"))
    forty, page = queries(singh.get_absolute_url())
    assert "40 events" in page and forty == one <= 10


def test_the_event_page_takes_the_same_number_of_queries_for_many_sources(client, make_event, django_assert_max_num_queries):
    event = make_event(text=ARTICLE, title="Singh met Shoigu")
    for n in range(10):
        document = Document.objects.create(text=f"{n}: Singh met Shoigu.", filename=f"more{n}.txt")
        Source.objects.create(event=event, document=document, start=0, end=5)
    with django_assert_max_num_queries(8):
        assert "11 reports" in client.get(event.get_absolute_url()).content.decode()


def test_an_unknown_person_is_not_found(client, db):
    page = client.get("/people/4242/")
    assert page.status_code == 404 and "Go to the timeline" in page.content.decode()


def test_the_server_error_page_stands_alone(db):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and 'href="/"' in html


def test_the_person_page_lists_only_the_counterparts_met_most(client, make_event):
    from events.views import COUNTERPARTS_SHOWN

    for n in range(COUNTERPARTS_SHOWN + 2):
        make_event(title=f"Meeting {n}", people=[("Rajnath Singh", "IN"), (f"Minister Number{n:02d}", "RU")])
    extra = make_event(title="Second meeting", people=[("Rajnath Singh", "IN"), ("Minister Number00", "RU")])
    singh = extra.participants.get(name="Rajnath Singh")
    html = client.get(singh.get_absolute_url()).content.decode()
    section = re.search(r'id="met-heading".*?</section>', html, re.S).group(0)
    assert section.count("<li>") == COUNTERPARTS_SHOWN
    assert f"The {COUNTERPARTS_SHOWN} they met most." in section
    assert section.index("Minister Number00") < section.index("Minister Number01")  # most met first
