"""events/webpages.py: article text, metadata, publication dates and canonical addresses of web pages.
The pages in tests/data/web/ are made up (outlets, people and quotes invented) but built like real
ones: menus, cookie banners, share buttons, ads, related links, comments and footers around the article."""

import datetime
import json
import re
from pathlib import Path

import pytest

from events.ingest import IngestError
from events.webpages import MIN_ARTICLE_CHARS, Page, PageError, canonical_url, read_page

WEB = Path(__file__).resolve().parent / "data" / "web"
TODAY = datetime.date(2024, 6, 1)


def page(name, **kwargs):
    return read_page((WEB / name).read_bytes(), **{"today": TODAY, **kwargs})


def paragraphs(result):
    return result.text.rstrip("\n").split("\n\n")


# A small article page for the cases the saved pages do not cover.
TITLE = "Peru and Morocco agree to expand phosphate and fisheries cooperation"
PARAGRAPHS = [
    "LIMA — Peru’s foreign minister, Carmen Salazar Quispe, met Morocco’s foreign minister, Youssef "
    "El Amrani, in Lima on Tuesday, and the two signed agreements on fisheries research and fertiliser trade.",
    "The talks at the Torre Tagle palace lasted two hours, officials said. El Amrani is the first Moroccan "
    "foreign minister to visit Peru in more than a decade.",
    "Salazar said Peru wanted a steady supply of phosphate fertiliser for its farmers. El Amrani said Morocco "
    "would open a trade office in Lima next year.",
]


def article(head="", before=""):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE}</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{TITLE}</h1>{before}{body}</article>"
        "<footer><p>© 2022 Andes Post. All rights reserved.</p></footer></body></html>"
    )


def json_ld(data):
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# The full news page: text


def test_text_is_the_headline_a_blank_line_and_paragraphs_separated_by_blank_lines():
    result = page("news-full.html")
    lines = result.text.split("\n")
    assert lines[0] == "Chile and South Korea revive trade talks as foreign ministers meet in Seoul"
    assert lines[1] == ""
    assert result.text.endswith(".\n") and "\n\n\n" not in result.text and "\r" not in result.text
    parts = paragraphs(result)
    assert len(parts) == 1 + 8  # the headline and the article's eight paragraphs
    assert parts[1].startswith("SEOUL, 12 February — Chile’s foreign minister, Valentina Riquelme, met")
    assert parts[-1].endswith("before returning to Santiago at the end of the week.")
    for part in parts:
        assert "\n" not in part and part == " ".join(part.split())


@pytest.mark.parametrize(
    "sentence",
    [
        "met her South Korean counterpart, Park Jae-hoon, in Seoul on Monday",
        "“Our trade has grown sevenfold since the agreement entered into force, but the text still belongs to "
        "another era,” Riquelme told reporters after the talks.",
        "He described lithium and copper supplies from Chile as essential to South Korea’s battery makers",
        "The statement said both countries would hold a strategic dialogue at vice-ministerial level in "
        "Santiago later this year.",
        "said Kang Seo-yeon, a trade researcher at Hanbit University.",
        "Riquelme will travel on Wednesday to Tokyo, where she is due to meet Japan’s foreign minister",
    ],
)
def test_the_articles_paragraphs_are_kept_whole(sentence):
    assert sentence in page("news-full.html").text


@pytest.mark.parametrize(
    "boilerplate",
    [
        "We use cookies",  # cookie banner
        "Accept all",
        "Manage preferences",
        "Subscribe from £1",  # header and navigation
        "Sign in",
        "Culture",
        "Share on Facebook",  # share buttons
        "Copy link",
        "Advertisement",  # ad slots
        "Sign up to Morning Briefing",  # newsletter box inside the article
        "delivered to your inbox",
        "Related articles",  # related links
        "Korean battery makers sign lithium supply deal",
        "What to expect when Seoul and Tokyo",
        "Comments (3)",  # comments
        "pacific_observer",
        "Lithium is the whole story",
        "Antarctic cooperation actually involves",
        "community guidelines",
        "About us",  # footer
        "Privacy policy",
        "All rights reserved",
        "Photograph: Lee Min-ji",  # image caption
        "Topics:",
        "Updated",  # time stamps
        "19:40 KST",
    ],
)
def test_navigation_banners_comments_related_links_and_footer_are_left_out(boilerplate):
    assert boilerplate not in page("news-full.html").text


def test_metadata_of_the_full_news_page():
    result = page("news-full.html", url="https://www.meridian-herald.example/world/asia/chile?utm_source=twitter")
    assert isinstance(result, Page)
    assert result.title == "Chile and South Korea revive trade talks as foreign ministers meet in Seoul"
    assert result.outlet == "The Meridian Herald"
    assert result.author == "Daniel Okafor"
    assert result.published == datetime.date(2024, 2, 12)
    assert result.published_basis == "the page's JSON-LD (datePublished)"


def test_the_canonical_link_is_the_address_without_tracking_parameters_or_fragment():
    expected = "https://www.meridian-herald.example/world/asia/chile-south-korea-foreign-ministers-seoul-trade-talks"
    assert page("news-full.html").url == expected
    # The page's own canonical link wins over the address it was fetched from.
    assert page("news-full.html", url="https://m.meridian-herald.example/a?fbclid=1").url == expected


# Publication dates


def test_the_modification_date_is_never_taken_for_the_publication_date():
    assert page("news-full.html").published == datetime.date(2024, 2, 12)  # dateModified and "Updated" say the 13th
    assert page("meta-date-only.html").published == datetime.date(2023, 11, 21)  # article:modified_time the 23rd
    assert page("visible-date-only.html").published == datetime.date(2023, 3, 14)  # "Last updated 15 March"


def test_a_date_only_in_a_meta_tag():
    result = page("meta-date-only.html")
    assert (result.published, result.published_basis) == (
        datetime.date(2023, 11, 21),
        "the page's meta tag article:published_time",
    )
    assert result.title == "Norway and Kenya sign ocean partnership during Oslo talks"
    assert (result.outlet, result.author) == ("The Oslo Ledger", "Ingrid Solberg")
    # og:url, its trailing slash kept
    assert result.url == "https://www.osloledger.example/news/norway-kenya-ocean-partnership/"
    assert "Previous: Arctic licensing round" not in result.text and "Most read" not in result.text
    assert "Leave a Reply" not in result.text and "Support independent journalism" not in result.text


def test_a_date_only_shown_on_the_page():
    result = page("visible-date-only.html")
    assert (result.published, result.published_basis) == (datetime.date(2023, 3, 14), "the date shown on the page")
    assert result.title == "Romania and Poland pledge joint work on Black Sea grain route"
    assert result.author == "Tomasz Wójcik"
    assert result.outlet is None  # the page names its outlet nowhere but in its logo and <title>
    assert result.url is None
    assert "Published 14 March" not in result.text and "By Tomasz Wójcik" not in result.text
    assert "Latest news" not in result.text and "Leu steady" not in result.text
    assert "Katarzyna Zielińska, agreed in Bucharest on Monday" in result.text
    assert "Chișinău" in result.text


def test_a_date_only_in_the_address():
    url = "https://news.example.com/world/2023/05/03/ministers-meet"
    result = page("url-date.html", url=url)
    assert (result.published, result.published_basis) == (datetime.date(2023, 5, 3), "the page's address")
    assert result.url == url
    assert (result.outlet, result.author) == ("Example News", None)
    assert paragraphs(result)[0] == "Ghana and Brazil agree to expand cocoa research cooperation"


def test_the_same_page_without_its_address_has_no_date():
    result = page("url-date.html")
    assert (result.published, result.published_basis, result.url) == (None, None, None)


def test_a_minimal_page_dated_by_its_time_element():
    result = page("amp-or-minimal.html")
    assert (result.published, result.published_basis) == (datetime.date(2022, 10, 7), "the page's <time> element")
    assert result.title == "Vietnam and Indonesia agree maritime boundary talks"
    assert (result.outlet, result.author, result.url) == (None, None, None)
    assert len(paragraphs(result)) == 4
    assert "7 October 2022" not in result.text


def test_a_date_in_metadata_after_today_is_not_used():
    result = page("meta-date-only.html", today=datetime.date(2023, 11, 20))
    assert (result.published, result.published_basis) == (None, None)
    # A future JSON-LD date gives way to the next source.
    html = article(json_ld({"@type": "NewsArticle", "datePublished": "2031-01-05"})
                   + '<meta property="article:published_time" content="2023-04-02T10:00:00Z">')
    result = read_page(html, today=TODAY)
    assert (result.published, result.published_basis) == (
        datetime.date(2023, 4, 2),
        "the page's meta tag article:published_time",
    )


def test_a_future_date_in_the_address_is_not_used():
    result = read_page(article(), url="https://example.com/news/2030/01/02/talks", today=TODAY)
    assert result.published is None


def test_todays_date_shown_on_the_page_is_not_taken_but_todays_metadata_is():
    shown = article(before="<p class='date'>Published 14 March 2023, 10:05</p>")
    assert read_page(shown, today=datetime.date(2023, 3, 14)).published is None  # the date a site's header shows
    result = read_page(shown, today=datetime.date(2023, 3, 15))
    assert result.published == datetime.date(2023, 3, 14)
    assert paragraphs(result) == [TITLE, *PARAGRAPHS]  # the time stamp is no paragraph of the article
    meta = article('<meta property="article:published_time" content="2023-03-14T08:00:00+01:00">')
    assert read_page(meta, today=datetime.date(2023, 3, 14)).published == datetime.date(2023, 3, 14)


def test_a_copyright_year_is_not_a_publication_date():
    result = read_page(article(), today=TODAY)  # the footer says "© 2022"
    assert (result.published, result.published_basis) == (None, None)


def test_the_date_is_the_day_the_page_states_whatever_the_time_zone():
    html = article('<meta property="article:published_time" content="2023-05-03T23:30:00-05:00">')
    assert read_page(html, today=TODAY).published == datetime.date(2023, 5, 3)


@pytest.mark.parametrize(
    "head, basis",
    [
        (json_ld({"@type": "NewsArticle", "datePublished": "2023-05-03T09:00:00+02:00"}), "the page's JSON-LD (datePublished)"),
        (json_ld({"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "Andes Post"},
            {"@type": ["ReportageNewsArticle"], "headline": TITLE, "datePublished": "2023-05-03"},
        ]}), "the page's JSON-LD (datePublished)"),
        (json_ld([{"@type": "BlogPosting", "datePublished": "2023-05-03"}]), "the page's JSON-LD (datePublished)"),
        ('<meta property="og:published_time" content="2023-05-03T09:00:00Z">', "the page's meta tag og:published_time"),
        ('<meta itemprop="datePublished" content="2023-05-03">', "the page's meta tag datePublished"),
        ('<meta name="pubdate" content="20230503">', "the page's meta tag pubdate"),
        ('<meta name="DC.date.issued" content="2023/05/03">', "the page's meta tag DC.date.issued"),
        ('<meta name="parsely-pub-date" content="2023-05-03T07:12:00Z">', "the page's meta tag parsely-pub-date"),
        ('<meta name="sailthru.date" content="Wed, 03 May 2023 09:15:00 -0400">', "the page's meta tag sailthru.date"),
        ('<meta name="date" content="2023-05-03">', "the page's meta tag date"),
    ],
)
def test_dates_in_json_ld_and_meta_tags(head, basis):
    result = read_page(article(head), today=TODAY)
    assert (result.published, result.published_basis) == (datetime.date(2023, 5, 3), basis)


def test_a_time_element_marked_date_published():
    before = '<p>By Ana Torres <time itemprop="datePublished" datetime="2023-05-03T10:00">3 May</time></p>'
    result = read_page(article(before=before), today=TODAY)
    assert (result.published, result.published_basis) == (datetime.date(2023, 5, 3), "the page's datePublished markup")


def test_json_ld_without_date_published_and_broken_json_ld_are_passed_over():
    head = (
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
        + json_ld({"@type": "NewsArticle", "dateModified": "2023-06-09", "dateCreated": "2023-06-01"})
        + '<meta property="article:modified_time" content="2023-06-09">'
    )
    result = read_page(article(head), today=TODAY)
    assert (result.published, result.published_basis) == (None, None)


def test_the_article_is_dated_not_its_related_articles():
    head = json_ld({"@type": "NewsArticle", "datePublished": "2023-05-03", "relatedLink": [
        {"@type": "NewsArticle", "datePublished": "2023-01-09"}]})
    head = json_ld({"@type": "ItemList", "itemListElement": [{"item": {"@type": "NewsArticle", "datePublished": "2022-12-01"}}]}) + head
    assert read_page(article(head), today=TODAY).published == datetime.date(2023, 5, 3)


@pytest.mark.parametrize(
    "drop, expected, basis",
    [
        ("", datetime.date(2023, 1, 2), "the page's JSON-LD (datePublished)"),
        ("json", datetime.date(2023, 2, 2), "the page's meta tag article:published_time"),
        ("json meta", datetime.date(2023, 3, 3), "the page's address"),
        ("json meta url", datetime.date(2023, 4, 4), "the date shown on the page"),
    ],
)
def test_the_sources_of_a_date_in_order(drop, expected, basis):
    head = "" if "json" in drop else json_ld({"@type": "NewsArticle", "datePublished": "2023-01-02"})
    head += "" if "meta" in drop else '<meta property="article:published_time" content="2023-02-02">'
    url = "https://example.com/a" if "url" in drop else "https://example.com/2023/03/03/a"
    html = article(head, before="<p class='date'>Published 4 April 2023</p>")
    result = read_page(html, url=url, today=TODAY)
    assert (result.published, result.published_basis) == (expected, basis)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://news.example.com/world/2023/05/03/ministers-meet", datetime.date(2023, 5, 3)),
        ("https://news.example.com/world/2023/5/3/ministers-meet", datetime.date(2023, 5, 3)),
        ("https://news.example.com/world/20230503/ministers-meet", datetime.date(2023, 5, 3)),
        ("https://news.example.com/world/2023-05-03-ministers-meet", datetime.date(2023, 5, 3)),
        ("https://news.example.com/world/2023/05/ministers-meet", None),  # no day
        ("https://news.example.com/world/2023/13/45/ministers-meet", None),  # no such day
        ("https://news.example.com/article/123456789/ministers-meet", None),
        ("https://news.example.com/world/ministers-meet?date=2023-05-03", None),  # only the path counts
    ],
)
def test_dates_in_the_address(url, expected):
    assert read_page(article(), url=url, today=TODAY).published == expected


# Addresses


@pytest.mark.parametrize(
    "url, expected",
    [
        ("HTTPS://News.Example.COM/World/Story.html", "https://news.example.com/World/Story.html"),  # the path's case kept
        ("https://news.example.com/story#comments", "https://news.example.com/story"),
        ("https://news.example.com/story?utm_source=rss&utm_medium=feed&utm_campaign=x", "https://news.example.com/story"),
        ("https://news.example.com/story?fbclid=IwAR0abc&gclid=xyz", "https://news.example.com/story"),
        ("https://news.example.com/story?p=123&utm_content=top", "https://news.example.com/story?p=123"),
        ("https://news.example.com/story?b=2&a=1", "https://news.example.com/story?a=1&b=2"),  # parameters sorted
        ("https://news.example.com:443/story", "https://news.example.com/story"),
        ("http://news.example.com:80/story", "http://news.example.com/story"),
        ("https://news.example.com:8443/story", "https://news.example.com:8443/story"),
        ("https://news.example.com", "https://news.example.com/"),  # an empty path is "/"
        ("https://news.example.com/world/", "https://news.example.com/world/"),  # a trailing slash is kept…
        ("https://news.example.com/world", "https://news.example.com/world"),  # …and never added
        ("  https://news.example.com/story  ", "https://news.example.com/story"),
        ("/world/story", None),
        ("mailto:desk@news.example.com", None),
        ("", None),
        (None, None),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_a_relative_canonical_link_is_resolved_against_the_pages_address():
    html = article('<link rel="canonical" href="/world/peru-morocco?utm_source=x">')
    assert read_page(html, url="https://www.andespost.example/world/peru-morocco-amp", today=TODAY).url == (
        "https://www.andespost.example/world/peru-morocco"
    )
    # Without an address to resolve it against, a relative link is no address; og:url is the next.
    html = article('<link rel="canonical" href="/world/peru-morocco"><meta property="og:url" content="https://www.andespost.example/p/1">')
    assert read_page(html, today=TODAY).url == "https://www.andespost.example/p/1"


def test_a_canonical_link_to_the_home_page_is_not_the_articles_address():
    html = article('<link rel="canonical" href="https://www.andespost.example/">')
    result = read_page(html, url="https://www.andespost.example/world/peru-morocco", today=TODAY)
    assert result.url == "https://www.andespost.example/world/peru-morocco"
    assert read_page(html, today=TODAY).url is None  # a home page is no article's address: two articles would be one


def test_without_a_canonical_link_the_address_given_is_normalised():
    result = read_page(article(), url="https://WWW.AndesPost.example/world/peru-morocco?utm_medium=social#top", today=TODAY)
    assert result.url == "https://www.andespost.example/world/peru-morocco"


def test_the_outlet_is_not_made_up_from_the_host_name():
    result = read_page(article(), url="https://www.andespost.example/world/peru-morocco", today=TODAY)
    assert result.outlet is None


# Character encodings


LEGACY_NAMES = ["José Ángel Martínez Ibáñez", "Françoise Delacroix-Lemaître", "SNCF Réseau", "Aragón"]


def test_a_windows_1252_page_is_decoded_by_its_meta_declaration():
    data = (WEB / "legacy-charset.html").read_bytes()
    assert b"charset=windows-1252" in data[:2048]
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = read_page(data, today=TODAY)
    for name in LEGACY_NAMES:
        assert name in result.text
    assert "“Today it becomes a timetable.”" in result.text and "a first €2.5 billion phase" in result.text
    assert "Spain’s foreign minister" in result.text
    assert result.author == "Zoë Müller"
    assert result.outlet == "Iberia Wire"  # from the JSON-LD publisher
    assert (result.published, result.published_basis) == (datetime.date(2023, 9, 18), "the page's meta tag DC.date.issued")


def test_a_windows_1252_page_without_a_declaration_is_recognised():
    data = (WEB / "legacy-charset.html").read_bytes()
    undeclared = re.sub(rb"<meta http-equiv=\"Content-Type\"[^>]*>", b"", data)
    assert b"charset" not in undeclared
    result = read_page(undeclared, today=TODAY)
    for name in LEGACY_NAMES:
        assert name in result.text
    assert "“For twenty years we have talked about this tunnel" in result.text


def test_bylines_and_copyright_lines_kept_by_trafilatura_are_dropped():
    text = page("legacy-charset.html").text
    assert "Zoë Müller · Iberia Wire" not in text and "Aviso legal" not in text
    assert "Más leídas" not in text and "Ibex" not in text and "Economía" not in text


def test_the_http_charset_comes_before_the_meta_declaration_and_an_unknown_one_is_passed_over():
    html = article().replace("<meta charset='utf-8'>", "<meta charset='windows-1252'>").replace("Quispe", "Quispé")
    assert "Carmen Salazar Quispé" in read_page(html.encode("utf-8"), charset="utf-8", today=TODAY).text
    legacy = (WEB / "legacy-charset.html").read_bytes()
    assert "José Ángel" in read_page(legacy, charset="x-no-such-charset", today=TODAY).text
    # A label of Latin-1 is read as windows-1252, as browsers do: its curly quotes survive.
    assert "“Today" in read_page(legacy, charset="ISO-8859-1", today=TODAY).text


def test_a_cyrillic_page_without_a_declaration_is_not_taken_for_windows_1252():
    paragraphs_ru = [
        "Министр иностранных дел Сербии Марко Петрович встретился в Москве со своим российским коллегой.",
        "Стороны обсудили торговлю, энергетику и «гуманитарные связи», сообщает пресс-служба министерства.",
        "Следующая встреча министров назначена на осень и пройдёт в Белграде, добавили в министерстве.",
        "Петрович также провёл переговоры с руководством парламента и посетил выставку сербских художников.",
    ]
    html = (
        "<html><head><title>Министры встретились в Москве</title></head><body><article>"
        "<h1>Министры встретились в Москве</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs_ru) + "</article></body></html>"
    )
    result = read_page(html.encode("cp1251"), today=TODAY)
    assert paragraphs(result) == ["Министры встретились в Москве", *paragraphs_ru]


def test_utf_16_with_a_byte_order_mark_and_text_given_as_a_string():
    html = article().replace("Quispe", "Quispé")
    assert "Quispé" in read_page(html.encode("utf-16"), today=TODAY).text
    assert "Quispé" in read_page(html, today=TODAY).text


# Pages without an article


def test_an_index_page_has_no_article():
    url = "https://www.meridian-herald.example/world?utm_source=home"
    with pytest.raises(PageError) as error:
        page("index-page.html", url=url)
    assert str(error.value) == f"{url}: no article text found on this page (it looks like an index or a page of links)"
    assert isinstance(error.value, IngestError)
    with pytest.raises(PageError, match=r"^https://www.meridian-herald.example/world: no article text found"):
        page("index-page.html")  # named by its canonical link


def test_a_too_short_text_is_no_article():
    html = article().replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS), f"<p>{PARAGRAPHS[0]}</p>")
    assert len(PARAGRAPHS[0]) < MIN_ARTICLE_CHARS
    with pytest.raises(PageError, match=r"^No article text found on this page"):
        read_page(html, today=TODAY)


def test_a_page_with_almost_no_text_says_so():
    html = "<!DOCTYPE html><html><head><title>Andes Post</title></head><body><div id='app'></div><script>start()</script></body></html>"
    with pytest.raises(PageError) as error:
        read_page(html, url="https://www.andespost.example/world/peru-morocco")
    assert str(error.value) == (
        "https://www.andespost.example/world/peru-morocco: no article text found on this page "
        "(the whole page has only 0 characters of text)"
    )


def test_a_paragraph_about_copyright_is_not_a_copyright_notice():
    sentence = "Copyright protection for Peruvian textile designs was also on the agenda, officials said."
    html = article(before=f"<p>{sentence}</p>")
    assert sentence in read_page(html, today=TODAY).text


@pytest.mark.parametrize(
    "data, message",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "this is a PDF, not a web page"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "this is a ZIP archive (a Word or OpenDocument file is one), not a web page"),
        (bytes(range(256)) * 4, "this is a binary file, not a web page"),
        (b"Ministers met in Lima on Tuesday.\nThey agreed on trade.\n", "this is not an HTML page (no HTML markup found)"),
        (b"  \n ", "the page is empty"),
    ],
)
def test_bytes_that_are_not_a_web_page(data, message):
    with pytest.raises(PageError) as error:
        read_page(data, url="https://example.com/file")
    assert str(error.value) == f"https://example.com/file: {message}"
    assert error.value.reason == message


def test_line_breaks_inside_a_paragraph_separate_paragraphs():
    body = "<br><br>".join(PARAGRAPHS)
    html = article().replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS), f"<div class='text'>{body}</div>")
    assert paragraphs(read_page(html, today=TODAY)) == [TITLE, *PARAGRAPHS]
