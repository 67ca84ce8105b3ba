"""RSS and Atom feeds: one document per item; unsafe XML refused."""

from __future__ import annotations

import datetime as dt
from html import escape

from tests.ingest.support import DAY, documents, paragraphs, read_all, rejects, write


def rss(items: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{prolog}\n<rss version="2.0"><channel>'
        "<title>Harbour Gazette</title><link>https://gazette.test/</link>"
        f"<description>News</description><language>en-GB</language>{items}</channel></rss>"
    )


def rss_item(title: str, body_html: str, date: str | None, link: str) -> str:
    stamp = f"<pubDate>{date}</pubDate>" if date else ""
    return (
        f"<item><title>{title}</title><link>{link}</link>{stamp}"
        f"<description>{escape(body_html)}</description></item>"
    )


def test_rss_items_become_documents(tmp_path):
    first, second = paragraphs()[:2]
    items = rss_item(
        "Plane lands",
        f"<p>{first}</p><p>{second}</p>",
        "Mon, 25 Mar 2019 23:30:00 -0500",
        "https://gazette.test/1",
    ) + rss_item(
        "Ministry statement",
        f"<b>{second}</b> &amp; more",
        "Tue, 26 Mar 2019 08:00:00 GMT",
        "https://gazette.test/2",
    )
    path = write(tmp_path / "news.rss", rss(items))
    one, two = documents(read_all([path]))
    assert (one.origin.locator, two.origin.locator) == ("item 1", "item 2")
    assert one.document.text == f"{first}\n{second}"  # markup gone, paragraphs kept apart
    assert two.document.text == f"{second} & more"
    assert (one.document.title, one.document.url, one.document.outlet) == (
        "Plane lands",
        "https://gazette.test/1",
        "Harbour Gazette",
    )
    assert one.document.lang == "en"
    assert one.document.date == dt.date(2019, 3, 25)  # the publisher's calendar day
    assert two.document.date == dt.date(2019, 3, 26)


def test_atom_entries_with_content(tmp_path):
    text = paragraphs()[2]
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Wire Desk</title><id>urn:x</id><updated>2019-03-25T10:00:00Z</updated>"
        "<entry><title>Trackers</title><id>urn:x:1</id>"
        '<link href="https://wire.test/a"/><published>2019-03-24T10:00:00Z</published>'
        "<updated>2019-03-25T10:00:00Z</updated><summary>Short.</summary>"
        f'<content type="html">{escape("<p>" + text + "</p>")}</content></entry></feed>'
    )
    [item] = documents(read_all([write(tmp_path / "wire.atom", feed)]))
    assert item.document.text == text  # full content preferred to the summary
    assert (item.document.outlet, item.document.url) == ("Wire Desk", "https://wire.test/a")
    assert item.document.date == dt.date(2019, 3, 24)


def test_items_without_dates_or_text_are_rejected_alone(tmp_path):
    items = (
        rss_item("Undated", "Some text.", None, "https://g.test/1")
        + rss_item("Empty", "<p> </p>", "Mon, 25 Mar 2019 10:00:00 GMT", "https://g.test/2")
        + rss_item("Bad", "Text.", "Mon, 35 Foo 2019 99:00:00 GMT", "https://g.test/3")
        + rss_item("Fine", "Fine text.", "Mon, 25 Mar 2019 10:00:00 GMT", "https://g.test/4")
    )
    results = read_all([write(tmp_path / "feed.xml", rss(items))])
    assert [(r.origin.locator, r.reason) for r in rejects(results)] == [
        ("item 1", "missing_date"),
        ("item 2", "empty_text"),
        ("item 3", "bad_date"),
    ]
    assert [d.document.text for d in documents(results)] == ["Fine text."]


def test_undated_items_take_the_default_date(tmp_path):
    path = write(tmp_path / "feed.rss", rss(rss_item("T", "Body.", None, "https://g.test/1")))
    [item] = documents(read_all([path], default_date=DAY))
    assert item.document.date == DAY


BILLION_LAUGHS = """<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>"""
EXTERNAL = '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'


def test_entity_expansion_and_external_entities_are_refused(tmp_path):
    item = rss_item("&lol4;", "&lol4;", "Mon, 25 Mar 2019 10:00:00 GMT", "https://g.test/1")
    write(tmp_path / "a.rss", rss(item.replace("&amp;lol4;", "&lol4;"), BILLION_LAUGHS))
    write(tmp_path / "b.rss", rss(rss_item("&secret;", "x", None, "https://g.test/2"), EXTERNAL))
    write(
        tmp_path / "c.rss",
        rss(rss_item("Safe", "Safe text.", "Mon, 25 Mar 2019 10:00:00 GMT", "https://g.test/3")),
    )
    results = read_all([tmp_path])
    assert [(r.origin.source.rsplit("/", 1)[1], r.reason) for r in rejects(results)] == [
        ("a.rss", "malformed"),
        ("b.rss", "malformed"),
    ]
    assert all("DTD or entities" in r.message for r in rejects(results))
    assert [d.document.text for d in documents(results)] == ["Safe text."]


def test_broken_xml_and_non_feed_xml_are_malformed(tmp_path):
    write(tmp_path / "a.xml", rss(rss_item("T", "x", None, "u")).replace("</channel>", ""))
    write(tmp_path / "b.xml", '<?xml version="1.0"?><urlset><url>x</url></urlset>')
    results = read_all([tmp_path], default_date=DAY)
    assert [r.reason for r in results] == ["malformed", "malformed"]
    assert "not well-formed" in results[0].message
    assert "not an RSS or Atom feed" in results[1].message
