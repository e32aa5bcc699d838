"""Reading a web page (a saved .html/.htm file or the body of a fetched URL) into the article it holds:
plain text with the headline on the first line and paragraphs separated by blank lines, and the
page's title, outlet, author, publication date (with where that date was found) and canonical address.

Main text and most metadata come from trafilatura; the publication date is looked for in order in the
article's JSON-LD, the page's meta tags, the page's address and, last, the dates htmldate finds in the
visible page. Only strings and parsed trees reach trafilatura and htmldate: nothing is downloaded.
A page without an article (a section front, a list of links, a PDF) raises `PageError`."""

import codecs
import copy
import datetime
import email.utils
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import htmldate
import lxml.etree
import lxml.html
import trafilatura
from charset_normalizer import from_bytes
from courlan import clean_url

from .decoding import CONTROL_BYTES_RE, MAX_CONTROL_SHARE, NEAR_EQUAL_CHAOS, PREFERRED_LEGACY, SIGNATURES
from .ingest import IngestError

# A page holds an article when trafilatura's main text, not counting the text of links, has at least
# this many characters and sentences; a section front or a page of links has far less.
MIN_ARTICLE_CHARS = 300
MIN_SENTENCES = 2
# A page most of whose text is the text of links is an index (a section front, a list of headlines).
MAX_LINK_SHARE = 0.5
# A short line without a full stop naming the author ("By Jane Doe", "Jane Doe · The Herald") is a
# byline, one starting "Published" or "Updated" with a number in it a time stamp; a short line starting
# "©" or saying "All rights reserved" is a copyright notice.
MAX_BYLINE_CHARS = 80
MAX_NOTICE_CHARS = 200
# The bytes searched for a <meta charset> declaration, as browsers do.
CHARSET_SNIFF_BYTES = 2048
# No news page is dated before the web carried news (htmldate's own lower bound too).
EARLIEST_DATE = datetime.date(1995, 1, 1)

BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# Labels browsers read as windows-1252 (WHATWG Encoding Standard): pages declared Latin-1 carry curly quotes.
WINDOWS_1252_LABELS = {"iso8859-1", "ascii"}
HTML_TAG_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|p|div|article)[\s>/]", re.I)
XML_DECLARATION_RE = re.compile(r"\A\s*<\?xml[^>]*\?>")

# Schema.org types of an article's JSON-LD object (NewsArticle, ReportageNewsArticle, … end in "Article").
ARTICLE_TYPES = {"BlogPosting", "LiveBlogPosting", "Report", "SocialMediaPosting"}
# Meta tags (property, name or itemprop) that give a publication date, most specific first.
META_DATE_NAMES = [
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date",
    "article.published", "dc.date.issued", "dcterms.issued", "citation_publication_date", "dc.date",
    "dcterms.date", "date",
]
DATE_VALUE_RE = re.compile(r"\A\s*(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
DATE_VALUE_SLASHED_RE = re.compile(r"\A\s*(\d{4})/(\d{2})/(\d{2})(?!\d)")
URL_DATE_RES = [re.compile(r"/(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?=[/_-]|$)"), re.compile(r"/(\d{4})(\d{2})(\d{2})(?=/|$)")]

SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
TIME_STAMP_RE = re.compile(r"\A(?:(?:first |last )?(?:published|updated|posted)\b)(?=.*\d)", re.I)
COPYRIGHT_RE = re.compile(r"\A(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4}))|\ball rights reserved\b", re.I)
INVISIBLE_CHARS = dict.fromkeys(map(ord, "\xad\u200b\ufeff"))

BASIS_JSON_LD = "the page's JSON-LD (datePublished)"
BASIS_ADDRESS = "the page's address"
BASIS_TIME_ELEMENT = "the page's <time> element"
BASIS_SHOWN = "the date shown on the page"


class PageError(IngestError):
    """Why a web page gives no article: `where` is its address, when known."""

    def __init__(self, reason, where=None):
        super().__init__(f"{where}: {reason}" if where else reason[:1].upper() + reason[1:])
        self.reason, self.where = reason, where


@dataclass(frozen=True)
class Page:
    """An article read from a web page: `text` is what the app stores (headline, blank line, paragraphs
    separated by blank lines); `published_basis` says where `published` was found."""

    text: str
    title: str | None
    outlet: str | None
    author: str | None
    published: datetime.date | None
    published_basis: str | None
    url: str | None


def read_page(data, *, url=None, charset=None, today=None):
    """The article in `data` (the page's bytes, or its text) as a `Page`. `url`: the address it came
    from, if any; `charset`: the charset of the HTTP Content-Type header, if any; `today`: the day
    after which no date is believed (today's date unless given)."""
    today = today or datetime.date.today()
    html = data if isinstance(data, str) else decode(data, charset, where=url)
    tree = parse(html, where=url)
    page_url = address(tree, url)
    where = url or page_url
    document = trafilatura.bare_extraction(
        tree, url=page_url or url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=True,
    )
    body = document.body if document is not None else None
    check_article(body, tree, where)
    heading, paragraphs = article_paragraphs(body)
    title = clean_line(document.title or "") or heading
    paragraphs = without_boilerplate(paragraphs, title, document.author)
    published, basis = publication_date(tree, [page_url, url], today)
    return Page(
        text="\n\n".join(([title] if title else []) + paragraphs) + "\n",
        title=title,
        outlet=outlet(document, page_url or url),
        author=clean_line(document.author or "") or None,
        published=published,
        published_basis=basis,
        url=page_url,
    )


def canonical_url(url):
    """`url` normalised with courlan, or None when it is not an absolute http(s) address: scheme and
    host lower case, default port dropped, tracking parameters (utm_*, fbclid, gclid, …) dropped, the
    remaining parameters sorted, the fragment dropped. The path is kept as the site wrote it, trailing
    slash and letter case included (sites differ on both); an empty path becomes "/"."""
    if not url or urlsplit(url.strip()).scheme.lower() not in ("http", "https"):
        return None
    cleaned = clean_url(url)
    parts = urlsplit(cleaned) if cleaned else None
    if not parts or not parts.hostname:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


# Bytes to a tree


def decode(data, charset=None, where=None):
    """The page's text: by its byte order mark, else the HTTP header's charset, else a <meta charset>
    declaration in its first 2 KB, else valid UTF-8, else charset_normalizer's best guess (cp1252
    among near-equal guesses). A charset that is unknown or does not fit the bytes is passed over."""
    if not data.strip():
        raise PageError("the page is empty", where)
    for signature, kind in SIGNATURES.items():
        if data.startswith(signature):
            raise PageError(f"this is {kind}, not a web page", where)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data or len(CONTROL_BYTES_RE.findall(data)) > len(data) * MAX_CONTROL_SHARE:
        raise PageError("this is a binary file, not a web page", where)
    declared = META_CHARSET_RE.search(data[:CHARSET_SNIFF_BYTES])
    for label in (charset, declared and declared[1].decode("ascii"), "utf-8"):
        text = decoded_as(data, label)
        if text is not None:
            return text
    return guessed(data)


def decoded_as(data, label):
    try:
        encoding = codecs.lookup(label.strip()).name if label else None
    except LookupError:
        return None
    if encoding in WINDOWS_1252_LABELS:
        encoding = "cp1252"
    try:
        return data.decode(encoding) if encoding else None
    except UnicodeDecodeError:
        return None


def guessed(data):
    matches = list(from_bytes(data))
    if not matches:
        return data.decode("cp1252", errors="replace")
    best = matches[0]
    near = [m for m in matches if m.chaos <= best.chaos + NEAR_EQUAL_CHAOS]
    for encoding in PREFERRED_LEGACY:
        if any(encoding in m.could_be_from_charset for m in near):
            text = decoded_as(data, encoding)
            if text is not None:
                return text
    return str(best)


def parse(html, where=None):
    if not html.strip():
        raise PageError("the page is empty", where)
    if not HTML_TAG_RE.search(html):
        raise PageError("this is not an HTML page (no HTML markup found)", where)
    try:
        return lxml.html.document_fromstring(XML_DECLARATION_RE.sub("", html, count=1))
    except (lxml.etree.ParserError, ValueError):
        raise PageError("the page is empty", where) from None


# The article text


def check_article(body, tree, where):
    """Raise PageError unless trafilatura's main text, its links left out, is long enough to be an article."""
    prose = ""
    if body is not None:
        unlinked = copy.deepcopy(body)
        lxml.etree.strip_elements(unlinked, "ref", with_tail=False)
        prose = "\n".join(line for _, line in blocks(unlinked))
    if len(prose) < MIN_ARTICLE_CHARS or len(SENTENCE_END_RE.findall(prose)) < MIN_SENTENCES:
        raise PageError(f"no article text found on this page{why_no_article(tree)}", where)


def why_no_article(tree):
    visible = "[not(ancestor::script or ancestor::style or ancestor::noscript)]"
    total = sum(len(clean_line(s)) for s in tree.xpath(f"//body//text(){visible}"))
    linked = sum(len(clean_line(s)) for s in tree.xpath(f"//body//a//text(){visible}"))
    if linked > total * MAX_LINK_SHARE:
        return " (it looks like an index or a page of links)"
    if total < MIN_ARTICLE_CHARS:
        return f" (the whole page has only {total} characters of text)"
    return ""


def blocks(body):
    """(kind, line) of each paragraph, heading, quotation and list item of trafilatura's XML body, the
    kind its tag ("h1" for a top heading); a line break (<br>) inside a paragraph starts a new one."""
    for block in copy.deepcopy(body):
        kind = "h1" if block.tag == "head" and block.get("rend") == "h1" else block.tag
        items = block.findall("item") if block.tag == "list" else [block]
        for item in items:
            for lb in item.iter("lb"):
                lb.tail = "\n" + (lb.tail or "")
            for line in "".join(item.itertext()).split("\n"):
                if line := clean_line(line):
                    yield kind, line


def article_paragraphs(body):
    """The headline trafilatura kept as the body's first heading (or None), and the paragraphs."""
    found = list(blocks(body))
    heading = found.pop(0)[1] if found and found[0][0] == "h1" else None
    return heading, [line for _, line in found]


def without_boilerplate(paragraphs, title, author):
    """The paragraphs less the headline repeated, bylines, time stamps and copyright notices that
    trafilatura kept."""
    return [line for line in paragraphs if not (
        (title and line.casefold() == title.casefold())
        or (len(line) <= MAX_BYLINE_CHARS and not SENTENCE_END_RE.search(line) and (
            line.lower().startswith("by ") or (author and author.lower() in line.lower()) or TIME_STAMP_RE.match(line)
        ))
        or (len(line) <= MAX_NOTICE_CHARS and COPYRIGHT_RE.search(line))
    )]


def clean_line(text):
    return " ".join(text.translate(INVISIBLE_CHARS).split())


# Metadata


def outlet(document, url):
    """The site's name as the page gives it (og:site_name, JSON-LD publisher, title), not one
    trafilatura made from the host name."""
    name = clean_line(document.sitename or "")
    host = (urlsplit(url).hostname or "") if url else ""
    if not name or name.lower() in (host, host.removeprefix("www.")):
        return None
    return name


def address(tree, url):
    """The page's canonical address (<link rel=canonical>, else og:url, relative ones resolved
    against `url`), else `url`, normalised; None when neither is known. A canonical link to the site's
    home page is a site's misconfiguration, not the article's address (unless the page is the home
    page): two articles would become one."""
    given = canonical_url(url)
    candidates = [link.get("href") for link in tree.iter("link") if "canonical" in (link.get("rel") or "").lower().split()]
    candidates += [meta.get("content") for meta in tree.iter("meta") if (meta.get("property") or "").lower() == "og:url"]
    for candidate in filter(None, candidates):
        found = canonical_url(urljoin(url, candidate.strip()) if url else candidate.strip())
        if found and not (urlsplit(found).path == "/" and not (given and urlsplit(given).path == "/")):
            return found
    return given


# The publication date


def publication_date(tree, urls, today):
    """(date, basis) from the first source that has one: the article's JSON-LD, meta tags, the page's
    address, the visible page; (None, None) when none does. A date after `today` is never taken, nor
    today's date from the visible page, which so often shows the day it was saved."""
    found = json_ld_date(tree, today) or meta_date(tree, today) or url_date(urls, today) or shown_date(tree, today)
    return found or (None, None)


def json_ld_date(tree, today):
    for item in json_ld_articles(tree):
        date = parsed_date(item.get("datePublished"), today)
        if date:
            return date, BASIS_JSON_LD
    return None


def json_ld_articles(tree):
    """The article objects of the page's JSON-LD, outermost first (an article's related articles after it)."""
    queue = []
    for script in tree.iter("script"):
        if (script.get("type") or "").split(";")[0].strip().lower() == "application/ld+json":
            try:
                queue.append(json.loads(script.text or ""))
            except ValueError:
                continue
    while queue:
        item = queue.pop(0)
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and (t.endswith("Article") or t in ARTICLE_TYPES) for t in types):
                yield item
            queue.extend(value for value in item.values() if isinstance(value, (list, dict)))


def meta_date(tree, today):
    found = {}
    for element in tree.xpath("//meta | //*[@itemprop][@datetime]"):
        name = element.get("property") or element.get("name") or element.get("itemprop") or ""
        value = element.get("content") or element.get("datetime")
        found.setdefault(name.strip().lower(), (name.strip(), value, element.tag))
    for key in META_DATE_NAMES:
        if key in found:
            name, value, tag = found[key]
            date = parsed_date(value, today)
            if date:
                return date, f"the page's meta tag {name}" if tag == "meta" else f"the page's {name} markup"
    return None


def url_date(urls, today):
    for url in filter(None, urls):
        path = urlsplit(url).path
        for pattern in URL_DATE_RES:
            for match in pattern.finditer(path):
                date = checked_date(*map(int, match.groups()), today=today)
                if date:
                    return date, BASIS_ADDRESS
    return None


def shown_date(tree, today):
    """htmldate's date for the page's body (its head, scripts and meta tags left out, all read above),
    the original date rather than an update. Its extensive search falls back on a copyright year or a
    month without a day, given as the 1st; such a date is not the day of publication."""
    visible = copy.deepcopy(tree)
    for element in visible.xpath("//head | //script | //meta | //noscript"):
        element.drop_tree()
    latest = (today - datetime.timedelta(days=1)).isoformat()
    found = htmldate.find_date(visible, extensive_search=False, original_date=True, url="", max_date=latest)
    if not found:
        found = htmldate.find_date(visible, extensive_search=True, original_date=True, url="", max_date=latest)
        found = found if found and not found.endswith("-01") else None
    if not found:
        return None
    on_time_element = any(value.strip().startswith(found) for value in tree.xpath("//time/@datetime"))
    return datetime.date.fromisoformat(found), BASIS_TIME_ELEMENT if on_time_element else BASIS_SHOWN


def parsed_date(value, today):
    """The date a metadata value states (ISO 8601, YYYYMMDD, YYYY/MM/DD or RFC 2822), as written: the
    day at the publisher, whatever the time zone."""
    if not isinstance(value, str) or not value.strip():
        return None
    match = DATE_VALUE_RE.match(value) or DATE_VALUE_SLASHED_RE.match(value)
    if match:
        return checked_date(*map(int, match.groups()), today=today)
    try:
        moment = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return checked_date(moment.year, moment.month, moment.day, today=today)


def checked_date(year, month, day, today):
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    return date if EARLIEST_DATE <= date <= today else None
