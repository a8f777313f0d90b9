"""The seed content, loaded for real once per database state and then copied back row by row.

`load_seed_content` validates two files and writes a few hundred rows one by one, each with its
signals (history, content version, rendered Markdown): about 1.7 s. Tests need its result
hundreds of times, so the first load in a given database state records what it wrote (the rows
it added or changed, table by table), and later loads in the same state insert those rows
directly: the same rows, ids and all, in a few tens of milliseconds.

The state is the number of rows in every table. A transactional test's flush leaves the tables
emptier than the migrated database does (groups, the content version's row), so that is a
second state with its own recording. Whether the embedding model loads is part of the state
too (without it the load stores no vectors). Anything else (a test that made a verdict before asking
for the seed) is a new state too, and gets a real load. The load itself is tested as it runs
for real in tests/claims/test_seed_content.py and tests/opendata.
"""

import os

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from claims.search import embeddings

_recordings: dict[tuple, list] = {}  # state -> [(model, columns, rows the load wrote)]


def load_seed_content() -> None:
    # What the load writes also depends on whether the embedding model loads (a test may
    # break it): a load without it stores no claim vectors, so it is a state of its own.
    state = (_state(), embeddings.available())
    recording = _recordings.get(state)
    if recording is None:
        _recordings[state] = _load_and_record()
    else:
        _replay(recording)


def _models():
    return [
        model for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _state() -> tuple:
    with connection.cursor() as cursor:
        counts = []
        for model in _models():
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            counts.append(cursor.fetchone()[0])
    return tuple(counts)


def _columns(model) -> list[str]:
    return [field.column for field in model._meta.local_concrete_fields]


def _is_json(model, column: str) -> bool:
    field = next(f for f in model._meta.local_concrete_fields if f.column == column)
    return field.get_internal_type() == "JSONField" and connection.vendor == "postgresql"


def _rows(model) -> set[tuple]:
    """Every row as a hashable tuple: JSON as its text, binary as bytes."""
    quote = connection.ops.quote_name
    columns = ", ".join(
        f"CAST({quote(c)} AS text)" if _is_json(model, c) else quote(c) for c in _columns(model)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {quote(model._meta.db_table)}")
        return {
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
            for row in cursor.fetchall()
        }


def _load_and_record() -> list:
    before = {model: _rows(model) for model in _models()}
    call_command("load_seed_content", stdout=open(os.devnull, "w"))
    recording = []
    for model, rows in before.items():
        written = _rows(model) - rows
        if written:
            recording.append((model, _columns(model), sorted(written, key=repr)))
    return recording


def _replay(recording: list) -> None:
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for model, columns, rows in recording:
            table = quote(model._meta.db_table)
            pk = quote(model._meta.pk.column)
            pk_index = columns.index(model._meta.pk.column)
            cursor.executemany(
                f"DELETE FROM {table} WHERE {pk} = %s", [(row[pk_index],) for row in rows]
            )
            placeholders = ", ".join(
                "CAST(%s AS jsonb)" if _is_json(model, c) else "%s" for c in columns
            )
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) "
                f"VALUES ({placeholders})",
                rows,
            )
        # PostgreSQL's id sequences must move past the copied ids (SQLite's follow by themselves).
        models = [model for model, *_ in recording]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
