"""Full-text search over document title + text: FTS5 on SQLite, tsvector on PostgreSQL.

Both backends take the same query language, the web-search style PostgreSQL's
`websearch_to_tsquery` reads: words, "quoted phrases", OR, and -excluded words. On SQLite the
query is rewritten into FTS5 syntax, so that `An-124` or `U.S.` is a phrase, not an error.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnClause, Connection, Date, Row, func, literal_column, select, text
from sqlalchemy.exc import OperationalError

from wirewatch.store.records import SearchHit
from wirewatch.store.tables import documents

MARK_START, MARK_END = "<mark>", "</mark>"
ELLIPSIS = "…"
SNIPPET_WORDS = 16
MAX_QUERY = 1000
MAX_LIMIT = 200

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# PostgreSQL only: a generated tsvector column with a GIN index (migration 0001). It is not
# in tables.py because SQLite has no such type; its FTS5 index plays the same part.
_DOCUMENT_VECTOR = "documents.fulltext"


def parse(query: str) -> list[tuple[str, str]]:
    """The query as (operator, phrase) pairs, operator one of AND, OR, NOT."""
    if len(query) > MAX_QUERY:
        raise ValueError(f"search query is longer than {MAX_QUERY} characters")
    terms: list[tuple[str, str]] = []
    operator = "AND"
    for match in _TOKEN.finditer(query):
        negated, quoted, bare = match.groups()
        if bare == "OR":
            operator = "OR"
            continue
        if bare and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        phrase = (quoted if bare is None else bare).replace('"', " ").strip()
        if phrase:
            terms.append(("NOT" if negated else operator, phrase))
        operator = "AND"
    if not any(op != "NOT" for op, _ in terms):
        raise ValueError(f"search query {query!r} has no word to search for")
    return terms


def fts5_query(terms: list[tuple[str, str]]) -> str:
    """FTS5 syntax: every phrase quoted; NOT clauses last, as FTS5 wants `a NOT b`."""
    positive = [(op, p) for op, p in terms if op != "NOT"]
    parts = [f'"{positive[0][1]}"']
    parts += [f'{op} "{phrase}"' for op, phrase in positive[1:]]
    parts += [f'NOT "{phrase}"' for op, phrase in terms if op == "NOT"]
    return " ".join(parts)


def search(connection: Connection, query: str, limit: int) -> list[SearchHit]:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"search limit must be between 1 and {MAX_LIMIT}, got {limit}")
    terms = parse(query)
    if connection.dialect.name == "sqlite":
        return _sqlite(connection, fts5_query(terms), limit)
    return _postgresql(connection, query, limit)


def _hit(row: Row[*tuple[Any, ...]]) -> SearchHit:
    return SearchHit(
        document_id=row.id,
        date=row.date,
        outlet=row.outlet,
        title=row.title,
        snippet=row.snippet or "",
        score=float(row.score),
    )


def _sqlite(connection: Connection, match: str, limit: int) -> list[SearchHit]:
    statement = text(
        "SELECT d.id, d.date, d.outlet, d.title, "
        "snippet(documents_fts, -1, :start, :end, :ellipsis, :words) AS snippet, "
        "-bm25(documents_fts) AS score "
        "FROM documents_fts JOIN documents AS d ON d.seq = documents_fts.rowid "
        "WHERE documents_fts MATCH :match ORDER BY bm25(documents_fts), d.id LIMIT :limit"
    ).columns(date=Date())
    try:
        rows = connection.execute(
            statement,
            {
                "start": MARK_START,
                "end": MARK_END,
                "ellipsis": ELLIPSIS,
                "words": SNIPPET_WORDS,
                "match": match,
                "limit": limit,
            },
        ).all()
    except OperationalError as error:
        raise ValueError(f"search query {match!r} is not valid: {error.orig}") from None
    return [_hit(row) for row in rows]


def _postgresql(connection: Connection, query: str, limit: int) -> list[SearchHit]:
    tsquery = func.websearch_to_tsquery(literal_column("'english'::regconfig"), query)
    vector: ColumnClause[Any] = literal_column(_DOCUMENT_VECTOR)  # a tsvector: no Python type
    options = (
        f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, "
        f"MinWords={SNIPPET_WORDS // 2}, MaxFragments=2, FragmentDelimiter={ELLIPSIS}"
    )
    matched = (
        select(
            documents.c.id,
            documents.c.date,
            documents.c.outlet,
            documents.c.title,
            documents.c.text,
            func.ts_rank_cd(vector, tsquery).label("score"),
        )
        .where(vector.op("@@")(tsquery))
        .order_by(literal_column("score").desc(), documents.c.id)
        .limit(limit)
        .subquery()
    )
    # Headlines only for the rows kept: ts_headline re-parses the whole text.
    headline = func.ts_headline(
        literal_column("'english'::regconfig"), matched.c.text, tsquery, options
    )
    rows = connection.execute(
        select(
            matched.c.id,
            matched.c.date,
            matched.c.outlet,
            matched.c.title,
            headline.label("snippet"),
            matched.c.score,
        ).order_by(matched.c.score.desc(), matched.c.id)
    ).all()
    return [_hit(row) for row in rows]
