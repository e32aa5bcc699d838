import csv
import datetime
import io

from events.models import Topic


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="events.csv"' in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


def test_each_event_is_one_row_with_readable_people_countries_topics_and_source_links(client, make_event):
    event = make_event(
        title="Singh meets Shoigu", countries=("IN", "RU"), venue=("Moscow", "RU"),
        people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")],
    )
    event.topics.add(Topic.objects.create(name="Defence", slug="defence"), Topic.objects.create(name="S-400", slug="s-400"))
    make_event(title="Undated talks", precision="unknown")
    rows = csv_rows(client.get("/api/events.csv"))
    assert len(rows) == 2
    row = rows[0]
    assert row["id"] == str(event.pk) and row["title"] == "Singh meets Shoigu"
    assert row["date"] == "2023-04-28" and row["date_precision"] == "day" and row["date_label"] == "28 Apr 2023"
    assert row["venue"] == "Moscow, RU"
    assert row["participants"] == "Rajnath Singh (IN); Sergei Shoigu (RU)"
    assert row["countries"] == "IN; RU"
    assert row["topics"] == "Defence; S-400"
    assert row["url"] == f"http://testserver/events/{event.pk}/"
    source = event.sources.get()
    assert row["source_links"] == f"http://testserver{source.get_absolute_url()}"
    assert row["sources"] == "Doc 1: “Singh meets Shoigu”"
    assert rows[1]["date"] == "" and rows[1]["date_label"] == "Date unknown"


def test_several_sources_are_one_per_line_within_the_cell(client, make_event):
    event = make_event(title="Singh meets Shoigu")
    other = make_event(title="Singh meets Shoigu", date=datetime.date(2023, 4, 28)).sources.get()
    other.event = event
    other.save()
    row = next(r for r in csv_rows(client.get("/api/events.csv")) if r["id"] == str(event.pk))
    assert len(row["source_links"].splitlines()) == 2
    assert len(row["sources"].splitlines()) == 2


def test_commas_quotes_and_newlines_survive_the_round_trip(client, make_event):
    title = 'Talks, "frank" and\nlong; then dinner'
    make_event(title=title)
    assert csv_rows(client.get("/api/events.csv"))[0]["title"] == title


def test_a_cell_that_looks_like_a_formula_is_kept_as_text(client, make_event):
    make_event(title='=HYPERLINK("http://evil.example","click")')
    make_event(title="@SUM(A1)")
    titles = [row["title"] for row in csv_rows(client.get("/api/events.csv"))]
    assert titles == ["'=HYPERLINK(\"http://evil.example\",\"click\")", "'@SUM(A1)"]


def test_the_csv_has_the_filters_of_the_page(client, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    assert [r["title"] for r in csv_rows(client.get("/api/events.csv?country=BY"))] == ["India and Belarus meet"]


def test_a_bad_filter_is_a_json_400_not_a_file(client, db):
    response = client.get("/api/events.csv?person=x")
    assert response.status_code == 400 and "person" in response.json()["fields"]


def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_utf8(client, make_event):
    make_event(title="Lavrov meets Jaishankar in Moskva — Москва")
    body = client.get("/api/events.csv").content
    assert body.startswith("\ufeff".encode())
    assert "Москва" in body.decode("utf-8-sig")


def test_the_date_is_also_in_year_month_and_day_columns_empty_below_its_precision(client, make_event):
    """A spreadsheet reading "2023-04" or "2021" guesses a day; the parts say what is known and leave
    the rest empty."""
    make_event(title="Day", date=datetime.date(2023, 4, 28))
    make_event(title="Days", date=datetime.date(2023, 3, 20))
    make_event(title="Month", date=datetime.date(2023, 4, 1), precision="month")
    make_event(title="Year", date=datetime.date(2021, 1, 1), precision="year")
    make_event(title="Undated", precision="unknown")
    from events.models import Event

    days = Event.objects.get(title="Days")
    days.date_end = datetime.date(2023, 3, 22)
    days.save()
    rows = {r["title"]: r for r in csv_rows(client.get("/api/events.csv"))}
    parts = {title: (r["date"], r["year"], r["month"], r["day"], r["date_precision"], r["date_end"]) for title, r in rows.items()}
    assert parts == {
        "Day": ("2023-04-28", "2023", "4", "28", "day", ""),
        "Days": ("2023-03-20", "2023", "3", "20", "day", "2023-03-22"),
        "Month": ("2023-04", "2023", "4", "", "month", ""),
        "Year": ("2021", "2021", "", "", "year", ""),
        "Undated": ("", "", "", "", "unknown", ""),
    }
    assert rows["Days"]["date_label"] == "20–22 Mar 2023"
    header = next(csv.reader(io.StringIO(client.get("/api/events.csv").content.decode("utf-8-sig"))))
    assert header[3:10] == ["date", "year", "month", "day", "date_precision", "date_end", "date_label"]
