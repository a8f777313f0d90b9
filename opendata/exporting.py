"""Read the curated database into export records: stable ids, sorted, no derived fields."""

import datetime
import json
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from opendata.document import (
    DATE,
    DATETIME,
    FORMAT,
    REF,
    REFS,
    REVISION_DATA,
    REVISION_DATA_REFS,
    USER,
    VERSION,
    Kind,
    kinds_in,
)


def export_document(*, include_suggestions: bool = False, timestamp: bool = True) -> dict:
    """The whole curated database as one document (see opendata.document for its format)."""
    with _consistent_snapshot():
        records, _ = export_records(include_suggestions=include_suggestions)
    exported_at = _datetime(timezone.now()) if timestamp else None
    return {"format": FORMAT, "version": VERSION, "exported_at": exported_at, "records": records}


def export_records(*, include_suggestions: bool) -> tuple[dict[str, list], dict[str, dict]]:
    """(records by kind, {kind: {stable id: database id}}). One query per kind, per
    many-to-many field, and one for usernames."""
    usernames = dict(get_user_model().objects.values_list("pk", "username"))
    records: dict[str, list] = {}
    ids: dict[str, dict[int, str]] = {}
    for kind in kinds_in(include_suggestions=include_suggestions):
        pairs = _kind_records(kind, ids, usernames, include_suggestions=include_suggestions)
        records[kind.name] = [record for _, record in pairs]
        ids[kind.name] = {pk: record_id(kind, record) for pk, record in pairs}
    pks = {name: {stable: pk for pk, stable in by_pk.items()} for name, by_pk in ids.items()}
    return records, pks


def record_id(kind: Kind, record: dict) -> str:
    return kind.natural(record) if kind.natural else record["id"]


def _kind_records(kind: Kind, ids, usernames, *, include_suggestions: bool) -> list[tuple]:
    names = [n for n in kind.field_names(include_suggestions=include_suggestions) if n != "id"]
    specs = [kind.field_types[name] for name in names]
    columns = [spec.name + "_id" if spec.type in (REF, USER) else spec.name
               for spec in specs if spec.type != REFS]
    many = {
        spec.name: _many_to_many(kind, spec.name, ids[spec.target])
        for spec in specs if spec.type == REFS
    }
    pairs = []
    for row in kind.model.objects.order_by(*kind.ordering).values("pk", *columns):
        record = {}
        for spec in specs:
            if spec.type == REFS:
                record[spec.name] = many[spec.name].get(row["pk"], [])
            elif spec.type == REF:
                value = row[spec.name + "_id"]
                record[spec.name] = None if value is None else ids[spec.target][value]
            elif spec.type == USER:
                value = row[spec.name + "_id"]
                record[spec.name] = None if value is None else usernames[value]
            else:
                record[spec.name] = _plain(spec.type, row[spec.name], ids)
        pairs.append((row["pk"], record))
    return _name_and_sort(kind, pairs)


def _many_to_many(kind: Kind, name: str, target_ids: dict) -> dict[int, list[str]]:
    related = defaultdict(list)
    for pk, other in kind.model.objects.values_list("pk", name):
        if other is not None:
            related[pk].append(target_ids[other])
    return {pk: sorted(values) for pk, values in related.items()}


def _plain(type_: str, value, ids):
    if value is None:
        return None
    if type_ == DATETIME:
        return _datetime(value)
    if type_ == DATE:
        return value.isoformat()
    if type_ == REVISION_DATA:
        return _revision_data(value, ids)
    return value


def _datetime(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).isoformat()


def _revision_data(data, ids) -> dict:
    if not isinstance(data, dict):
        return data
    named = dict(data)
    for key, target in REVISION_DATA_REFS.items():
        if key in named:
            # A row the revision pointed at may be gone since (it is JSON, not a foreign key).
            named[key] = ids[target].get(named[key]) if isinstance(named[key], int) else None
    return named


def _name_and_sort(kind: Kind, pairs: list[tuple]) -> list[tuple]:
    """Give carried ids, then sort: children within their parent in display order, rows with
    a natural key by it, timed rows by time (the query's order)."""
    if kind.numbered:
        counters: dict[str, int] = defaultdict(int)
        for _, record in pairs:
            parent = record[kind.parent]
            counters[parent] += 1
            record["id"] = f"{parent}/{kind.numbered}/{counters[parent]}"
    elif kind.timed:
        seen: dict[str, int] = defaultdict(int)
        for _, record in pairs:
            base = kind.timed(record)
            seen[base] += 1
            record["id"] = base if seen[base] == 1 else f"{base}~{seen[base]}"
    if kind.parent:
        # Stable sort: within a parent the query's display order is kept.
        return sorted(pairs, key=lambda pair: pair[1][kind.parent])
    if kind.natural:
        return sorted(pairs, key=lambda pair: kind.natural(pair[1]))
    return pairs


class _consistent_snapshot:
    """On PostgreSQL, read every table from one snapshot (REPEATABLE READ, read only), so an
    export taken while editors work is still consistent. Inside an outer transaction (tests,
    or a caller's atomic block) the caller's isolation applies."""

    def __enter__(self):
        self._atomic = None
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            self._atomic = transaction.atomic()
            self._atomic.__enter__()
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return self

    def __exit__(self, *exc_info):
        if self._atomic is not None:
            return self._atomic.__exit__(*exc_info)
        return False


def dump_document(document: dict, *, indent: int = 1) -> str:
    """The document as text: sorted keys and fixed indentation, so equal data reads equal."""
    return json.dumps(document, sort_keys=True, indent=indent, ensure_ascii=False) + "\n"
