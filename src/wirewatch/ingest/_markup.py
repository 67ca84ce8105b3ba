"""HTML fragments (feed summaries and contents) to plain text, paragraphs kept apart."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements that start a new line of text (HTML Living Standard, "flow content" blocks).
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
# Elements whose content is not text for a reader.
_HIDDEN = frozenset({"script", "style", "template", "noscript"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BREAKS = re.compile(r"\s*\n\s*")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._boundary(tag, opening=True)

    def handle_endtag(self, tag: str) -> None:
        self._boundary(tag, opening=False)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    def _boundary(self, tag: str, *, opening: bool) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden + (1 if opening else -1))
        elif tag in _BLOCKS:
            self.parts.append("\n")


def strip_html(fragment: str) -> str:
    """Text of an HTML fragment: entities decoded, one line per block, spaces folded."""
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    text = _SPACES.sub(" ", "".join(collector.parts))
    return _BREAKS.sub("\n", text).strip()
