"""Wagtail's database search backend, made to find German words by their parts.

Use it in place of ``wagtail.search.backends.database``::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "strukturwandel.core.search_backend",
            "SEARCH_CONFIG": "german",  # PostgreSQL: stemming and stop words
        }
    }

Like Wagtail's, it picks the implementation for the default database. Beyond it:

- every word of a query of at least ``PREFIX_MIN_LENGTH`` letters also matches as the start of
  a longer word, so the first part of a compound finds it ("Jugend" → "Jugendbeteiligung");
- PostgreSQL uses ``SEARCH_CONFIG`` for partial matches (autocomplete) too, not Wagtail's
  fixed ``simple``, so "Dörfer" finds "Dorfentwicklung" there as well; and a query of one
  word (in its spellings) looks for it in the title or the text, not in both joined into one
  vector for every page it checks (the same hits in a quarter of the time at 2,000 hits);
- SQLite, which has no stemmer, also searches each word's German stem as a prefix
  ("Stiftungen" → "stiftung*"), and weighs a title hit above a hit in the text.

The query itself is spelled out in umlaut variants by ``strukturwandel.core.search``.
"""

import re
from functools import cache, reduce

from django.db import connection

PREFIX_MIN_LENGTH = 3
# SQLite's full-text table has the columns (autocomplete, body, title): bm25's column weights.
SQLITE_COLUMN_WEIGHTS = (1.0, 1.0, 10.0)
SQLITE_OBJECTS_PER_QUERY = 500


def _stem(word):
    # A stemmer holds the word it works on: one per call, as requests run in threads.
    import snowballstemmer

    return snowballstemmer.stemmer("german").stemWord(word.lower())


@cache
def _postgres_backend_class():
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Q
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme
    from modelsearch.query import Boost, Or, PlainText

    class PrefixMixin:
        def build_tsquery_content(self, query, config=None, invert=False):
            if not isinstance(query, PlainText):
                return super().build_tsquery_content(query, config=config, invert=invert)
            terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
            if not terms:
                return None
            lexemes = [
                Lexeme(term, invert=invert, prefix=len(term) >= PREFIX_MIN_LENGTH) for term in terms
            ]
            if (query.operator == "and") != invert:
                combined = reduce(lambda a, b: a & b, lexemes)
            else:
                combined = reduce(lambda a, b: a | b, lexemes)
            return SearchQuery(combined, search_type="raw", config=config)

    class ColumnMatchMixin:
        """A query that only offers words to choose from (one word in its spellings, or
        words joined by "or") finds a page when its title or its text has one of them:
        ``title @@ q OR body @@ q``, the same pages as Wagtail's ``(title || body) @@ q``,
        which joins both vectors for every page it checks and which no index serves. Other
        queries (every word, a phrase, a word left out) go Wagtail's way: a page may have one
        word in its title and another in its text."""

        @classmethod
        def offers_words(cls, query):
            if isinstance(query, Or):
                return all(cls.offers_words(subquery) for subquery in query.subqueries)
            if isinstance(query, Boost):
                return cls.offers_words(query.subquery)
            if isinstance(query, PlainText):
                words = [word for word in re.split(r"[\s\-]+", query.query_string) if word]
                return len(words) <= 1 or query.operator == "or"
            return False

        def search(self, config, start, stop, score_field=None, backend=None):
            if self.fields is not None or not self.offers_words(self.query):
                return super().search(config, start, stop, score_field, backend)
            tsquery = self.build_tsquery(self.query, config=config)
            rank = self._build_rank_expression(self.get_index_vectors(None), config)
            queryset = self.queryset.filter(
                Q(index_entries__title=tsquery) | Q(index_entries__body=tsquery)
            )
            return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

    class GermanSearchQueryCompiler(ColumnMatchMixin, PrefixMixin, PostgresSearchQueryCompiler):
        pass

    class GermanAutocompleteQueryCompiler(PrefixMixin, PostgresAutocompleteQueryCompiler):
        pass

    class GermanPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = GermanSearchQueryCompiler
        autocomplete_query_compiler_class = GermanAutocompleteQueryCompiler

        def __init__(self, params):
            super().__init__(params)
            if self.config:
                self.autocomplete_config = self.config

    return GermanPostgresSearchBackend


@cache
def _sqlite_backend_class():
    from django.db.models import F, FloatField, Func, IntegerField, TextField
    from django.db.models.functions import Cast
    from modelsearch.backends.database.sqlite.query import (
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
        normalize,
    )
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.query import MatchAll, Not, PlainText
    from modelsearch.utils import get_descendants_content_types_pks

    class WeightedBM25(Func):
        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra_context):
            weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
            return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []

    class Either(Lexeme):
        # Two lexemes in parentheses: FTS5 binds AND tighter than OR.
        def __init__(self, *lexemes):
            self.lexemes = lexemes
            super().__init__("")

        def as_sql(self, compiler, connection):
            parts = [compiler.compile(lexeme) for lexeme in self.lexemes]
            return "%s", ["(" + " OR ".join(sql % tuple(params) for sql, params in parts) + ")"]

    def word(term):
        # A word, or its start, or its stem's start: "Dörfer" → ("dörfer"* OR "dorf"*).
        prefix = len(term) >= PREFIX_MIN_LENGTH
        lexeme = Lexeme(term, prefix=prefix)
        stem = _stem(term)
        if prefix and len(stem) >= PREFIX_MIN_LENGTH and stem != term.lower():
            return Either(lexeme, Lexeme(stem, prefix=True))
        return lexeme

    class PrefixMixin:
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            # FTS5 reads a double quote as the end of a string: it only separates words.
            terms = query.query_string.replace('"', " ").split()
            if not terms:
                return None
            lexemes = [word(term) for term in terms]
            if query.operator.upper() == "AND":
                combined = reduce(lambda a, b: a & b, lexemes)
            else:
                combined = reduce(lambda a, b: a | b, lexemes)
            return SearchQueryExpression(combined, config=config)

    def sortable_pk(model):
        # The index stores object ids as text: sort them as the primary key sorts.
        field = model._meta.pk
        while field.is_relation:
            field = field.target_field
        if isinstance(field, IntegerField) or field.get_internal_type().endswith("AutoField"):
            return Cast("index_entry__object_id", IntegerField())
        return F("index_entry__object_id")

    class TitleFirstMixin(PrefixMixin):
        def _build_rank_expression(self, vectors, config):
            # One bm25 over the row with the title weighted up: lower is better, as in Wagtail's.
            return WeightedBM25()

        def is_ranked(self):
            query = normalize(self.query)
            return self.order_by_relevance and not isinstance(query, (MatchAll, Not))

        def ranking(self, config, start=0, stop=None, with_scores=False):
            """The object ids of the hits from ``start`` to ``stop``, best first; with
            ``with_scores``, (object id, score) pairs.

            Wagtail's query orders the objects by a subquery that runs the full-text match
            for each of them, and bm25 reads every match's statistics each time: at 2,000
            hits that took 1.6 s. Here the match runs once, over the index, limited to the
            objects of the queryset (a subquery SQLite reads once), and is sorted and cut
            there.
            """
            model = self.queryset.model
            allowed = (
                self.queryset.order_by()
                .annotate(indexed_id=Cast("pk", TextField()))
                .values("indexed_id")
            )
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS,
                self.build_search_query(normalize(self.query), config),
            )
            hits = (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(
                    index_entry__content_type__in=get_descendants_content_types_pks(model),
                    index_entry__object_id__in=allowed,
                )
                .alias(score=self._build_rank_expression(None, config))
                .order_by("score", sortable_pk(model).desc())
            )
            if with_scores:
                return list(
                    hits.annotate(hit_score=F("score")).values_list(
                        "index_entry__object_id", "hit_score"
                    )[start:stop]
                )
            return list(hits.values_list("index_entry__object_id", flat=True)[start:stop])

    class GermanSearchQueryCompiler(TitleFirstMixin, SQLiteSearchQueryCompiler):
        pass

    class GermanAutocompleteQueryCompiler(PrefixMixin, SQLiteAutocompleteQueryCompiler):
        pass

    class RankedSearchResults(SQLiteSearchResults):
        """Hits ordered by relevance in one query, their objects in a second.

        Counting (a paginator's first step) reads the whole ranking, which the pages cut
        from the results share (they share the query compiler): the count and the order
        take one query, as the count alone did before.
        """

        def _ranked(self):
            is_ranked = getattr(self.query_compiler, "is_ranked", None)
            return is_ranked is not None and is_ranked()

        def _ranking(self, start, stop):
            compiler = self.query_compiler
            config = compiler.get_config(self.backend)
            with_scores = bool(self._score_field)
            full = compiler.__dict__.setdefault("_full_rankings", {})
            if with_scores in full:
                return full[with_scores][start:stop]
            if start == 0 and stop is None:
                full[with_scores] = compiler.ranking(config, with_scores=with_scores)
                return full[with_scores]
            return compiler.ranking(config, start, stop, with_scores=with_scores)

        def _do_count(self):
            if not self._ranked():
                return super()._do_count()
            return len(self._ranking(0, None)[self.start : self.stop])

        def _do_search(self):
            if not self._ranked():
                return super()._do_search()
            rows = self._ranking(self.start, self.stop)
            ids = [row[0] for row in rows] if self._score_field else rows
            objects = {}
            # In batches: SQLite limits the parameters of a query (32,766 since 3.32).
            for first in range(0, len(ids), SQLITE_OBJECTS_PER_QUERY):
                batch = ids[first : first + SQLITE_OBJECTS_PER_QUERY]
                queryset = self.query_compiler.queryset.filter(pk__in=batch)
                objects.update((str(obj.pk), obj) for obj in queryset)
            scores = dict(rows) if self._score_field else {}
            hits = []
            for object_id in ids:
                obj = objects.get(object_id)
                if obj is not None:
                    if self._score_field:
                        setattr(obj, self._score_field, scores[object_id])
                    hits.append(obj)
            return hits

    class GermanSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = GermanSearchQueryCompiler
        autocomplete_query_compiler_class = GermanAutocompleteQueryCompiler
        results_class = RankedSearchResults

    return GermanSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    from modelsearch.backends import database

    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        return _sqlite_backend_class()(params)
    return backend


def _reindex_published(sender, instance, **kwargs):
    from modelsearch import index
    from modelsearch.tasks import insert_or_update_object_task

    if any(isinstance(field, index.RelatedFields) for field in type(instance).get_search_fields()):
        insert_or_update_object_task.enqueue(
            instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )


def connect():
    """Index a page again once it is published, for whatever search backend is configured.

    Wagtail indexes a page when it is saved, but a page's cluster relations (topic fields,
    contact people) are written after that save: without this the index would show the ones
    of the version before.
    """
    from wagtail.signals import page_published

    page_published.connect(_reindex_published, dispatch_uid="strukturwandel_core_reindex")


# Elasticsearch/OpenSearch: German for a host that outgrows the database backend. Text is
# indexed as German stems, umlauts and ß folded ("Mobilitaet" = "Mobilität"), and with the
# starts of its words (3 to 20 letters), so that "Jugend" finds "Jugendbeteiligung"; queries
# are analysed the same way without the word starts (docs/search.md).
GERMAN_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "german_stop": {"type": "stop", "stopwords": "_german_"},
                "german_stemmer": {"type": "stemmer", "language": "light_german"},
                "word_start": {"type": "edge_ngram", "min_gram": 3, "max_gram": 20},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "german_stop",
                        "german_normalization",
                        "german_stemmer",
                        "word_start",
                    ],
                },
                "default_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "german_stop",
                        "german_normalization",
                        "german_stemmer",
                    ],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "german_normalization", "edgengram"],
                },
            },
        },
        "index": {"max_ngram_diff": 17},
    }
}


def german_search_engine(urls, *, backend="wagtail.search.backends.opensearch2", prefix=""):
    """A ``WAGTAILSEARCH_BACKENDS`` entry for Elasticsearch or OpenSearch at ``urls`` with the
    German analysis above; ``backend`` is Wagtail's module for the engine and version (e.g.
    ``wagtail.search.backends.elasticsearch8``), ``prefix`` the index names' prefix."""
    return {
        "BACKEND": backend,
        "URLS": list(urls),
        "INDEX_PREFIX": prefix,
        "INDEX_SETTINGS": GERMAN_INDEX_SETTINGS,
    }
