"""Check an export document before anything is written: its shape, every field of every record,
duplicate ids and every reference. Each problem names the record and the field."""

import json
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.dateparse import parse_date, parse_datetime

from editorial.services.claims import EDITABLE_FIELDS
from opendata.document import (
    BOOLEAN,
    DATE,
    DATETIME,
    FORMAT,
    INTEGER,
    KINDS_BY_NAME,
    REF,
    REFS,
    REVISION_DATA,
    REVISION_DATA_REFS,
    TEXT,
    USER,
    VERSION,
    FieldSpec,
    Kind,
    kinds_in,
)
from opendata.exporting import record_id

MAX_PROBLEMS_SHOWN = 20
TOP_LEVEL_KEYS = {"format", "version", "exported_at", "records"}


class ImportRefused(Exception):
    """The file cannot be imported. Each problem names the record and the field."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        lines = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            lines.append(f"... and {len(problems) - MAX_PROBLEMS_SHOWN} more problems")
        super().__init__("\n".join(lines))


def json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def validate_document(document) -> None:
    """Raise ImportRefused listing every problem, or return if the file can be imported."""
    if not isinstance(document, dict):
        raise ImportRefused(
            [f"the file is not an export document: it holds {json_type(document)}, "
             "not an object"]
        )
    problems = _check_top_level(document)
    if problems:
        raise ImportRefused(problems)
    records = document["records"]
    include_suggestions = "suggestions" in records
    kinds = kinds_in(include_suggestions=include_suggestions)

    ids: dict[str, dict[str, int]] = {}
    sound: dict[str, list[tuple[int, dict]]] = {}
    for kind in kinds:
        ids[kind.name], sound[kind.name] = {}, []
        for index, record in enumerate(records[kind.name]):
            found = _check_record(kind, index, record, include_suggestions)
            problems.extend(found)
            stable = _id_or_none(kind, record)
            if stable is None:
                continue
            if stable in ids[kind.name]:
                first = ids[kind.name][stable]
                problems.append(
                    f'{record_label(kind, index, record)}: duplicate identifier (also '
                    f'{kind.name}[{first}])'
                )
            else:
                ids[kind.name][stable] = index
            if not found:
                sound[kind.name].append((index, record))

    for kind in kinds:
        problems.extend(_check_references(kind, sound[kind.name], ids, include_suggestions))
        problems.extend(_check_unique_together(kind, sound[kind.name]))
        if rule := RECORD_RULES.get(kind.name):
            problems.extend(rule(kind, sound[kind.name]))
    if problems:
        raise ImportRefused(problems)


def _check_top_level(document: dict) -> list[str]:
    problems = []
    missing = sorted({"format", "version", "records"} - set(document))
    problems += [f'missing field "{name}"' for name in missing]
    problems += [f'unknown field "{name}"' for name in sorted(set(document) - TOP_LEVEL_KEYS)]
    if "format" in document and document["format"] != FORMAT:
        problems.append(
            f'field "format": {json.dumps(document["format"])} is not "{FORMAT}": '
            "this is not a file written by export_claims"
        )
    version = document.get("version")
    if "version" in document and (type(version) is not int or version != VERSION):
        problems.append(
            f'field "version": unsupported version {json.dumps(version)}; '
            f"this site reads version {VERSION}"
        )
    exported_at = document.get("exported_at")
    if exported_at is not None and not _is_datetime(exported_at):
        problems.append('field "exported_at": not a date and time with a time zone')
    records = document.get("records")
    if "records" in document and not isinstance(records, dict):
        problems.append(f'field "records": expected an object, got {json_type(records)}')
    if problems:
        return problems
    expected = {kind.name for kind in kinds_in(include_suggestions="suggestions" in records)}
    for name in sorted(expected - set(records)):
        problems.append(f'records: missing "{name}"')
    for name in sorted(set(records) - expected):
        problems.append(f'records: unknown kind "{name}"')
    for name in sorted(expected & set(records)):
        if not isinstance(records[name], list):
            problems.append(f'records "{name}": expected a list, got {json_type(records[name])}')
    return problems


def _id_or_none(kind: Kind, record) -> str | None:
    if not isinstance(record, dict):
        return None
    try:
        stable = record_id(kind, record)
    except (KeyError, TypeError):
        return None
    return stable if isinstance(stable, str) and stable else None


def record_label(kind: Kind, index: int, record) -> str:
    """How messages name a record: 'claims[12] "some-slug"'."""
    stable = _id_or_none(kind, record)
    named = f" {json.dumps(stable, ensure_ascii=False)}" if stable else ""
    return f"{kind.name}[{index}]{named}"


def _check_record(kind: Kind, index: int, record, include_suggestions: bool) -> list[str]:
    if not isinstance(record, dict):
        return [f"{kind.name}[{index}]: expected an object, got {json_type(record)}"]
    label = record_label(kind, index, record)
    expected = kind.field_names(include_suggestions=include_suggestions)
    problems = [f'{label}: field "{name}": missing' for name in expected if name not in record]
    problems += [
        f'{label}: field "{name}": unknown field' for name in sorted(set(record) - set(expected))
    ]
    if problems:
        return problems
    if kind.carries_id:
        problems += _check_carried_id(kind, record, label)
    for name in expected:
        if name != "id":
            problem = check_value(kind.field_types[name], record[name])
            if problem:
                problems.append(f'{label}: field "{name}": {problem}')
            elif kind.field_types[name].type == REVISION_DATA:
                problems += [
                    f'{label}: field "{name}.{key}": {problem}'
                    for key, problem in _revision_data_problems(record[name])
                ]
    if not problems:
        problems += _check_model_fields(kind, record, label)
    return problems


def _check_carried_id(kind: Kind, record: dict, label: str) -> list[str]:
    stable = record["id"]
    if not isinstance(stable, str) or not stable.strip():
        return [f'{label}: field "id": expected non-empty text, got {json_type(stable)}']
    if kind.numbered and isinstance(record.get(kind.parent), str):
        prefix = f"{record[kind.parent]}/{kind.numbered}/"
        if not stable.startswith(prefix):
            return [
                f'{label}: field "id": must start with {json.dumps(prefix)} (its '
                f'{kind.parent})'
            ]
    return []


def _is_datetime(value) -> bool:
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        return False
    return parsed is not None and parsed.tzinfo is not None


def _is_date(value) -> bool:
    try:
        return isinstance(value, str) and parse_date(value) is not None
    except ValueError:
        return False


# --- one checker per field type: what is wrong with a non-null value ("" when nothing) -------


def _check_text(spec: FieldSpec, value) -> str:
    if not isinstance(value, str):
        return f"expected text, got {json_type(value)}"
    if spec.max_length is not None:
        # Checked here too: a TextField's max_length alone is not validated by the model.
        try:
            MaxLengthValidator(spec.max_length)(value)
        except ValidationError as exc:
            return " ".join(exc.messages)
    return ""


def _check_integer(spec: FieldSpec, value) -> str:
    if type(value) is not int:
        return f"expected a whole number, got {json_type(value)}"
    # PostgreSQL's range for the column: SQLite would store any, so a file imports on both
    # databases or on neither.
    low, high = spec.bounds
    if not low <= value <= high:
        return f"{value} is out of range: the field holds {low} to {high}"
    return ""


def _check_boolean(spec: FieldSpec, value) -> str:
    return "" if isinstance(value, bool) else f"expected true or false, got {json_type(value)}"


def _check_date(spec: FieldSpec, value) -> str:
    return "" if _is_date(value) else f"{json.dumps(value)} is not a date (YYYY-MM-DD)"


def _check_datetime(spec: FieldSpec, value) -> str:
    if _is_datetime(value):
        return ""
    return f"{json.dumps(value)} is not a date and time with a time zone"


def _check_reference(spec: FieldSpec, value) -> str:
    # Whether the row it names exists is checked once every id is known (_check_references).
    return "" if isinstance(value, str) else f"expected text, got {json_type(value)}"


def _check_references_list(spec: FieldSpec, value) -> str:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "expected a list of identifiers"
    if len(set(value)) != len(value):
        return "lists the same identifier twice"
    return ""


def _check_username(spec: FieldSpec, value) -> str:
    if not isinstance(value, str):
        return f"expected text, got {json_type(value)}"
    User = get_user_model()
    username_field = User._meta.get_field(User.USERNAME_FIELD)
    try:
        username_field.run_validators(value)
    except ValidationError as exc:
        return f"{json.dumps(value)} is not a valid username: {' '.join(exc.messages)}"
    return "" if value else "expected a username, got empty text"


def _check_revision_data(spec: FieldSpec, value) -> str:
    # Its keys are checked one by one in _revision_data_problems.
    return "" if isinstance(value, dict) else f"expected an object, got {json_type(value)}"


CHECKERS: dict[str, Callable[[FieldSpec, object], str]] = {
    TEXT: _check_text,
    INTEGER: _check_integer,
    BOOLEAN: _check_boolean,
    DATE: _check_date,
    DATETIME: _check_datetime,
    REF: _check_reference,
    REFS: _check_references_list,
    USER: _check_username,
    REVISION_DATA: _check_revision_data,
}


def check_value(spec: FieldSpec, value) -> str:
    """What is wrong with one value's JSON type or format ("" when nothing)."""
    if value is None:
        return "" if spec.nullable else "must not be null"
    return CHECKERS[spec.type](spec, value)


def _revision_data_problems(data: dict) -> list[tuple[str, str]]:
    """(key, problem) for proposed claim values: only fields an editor writes, each held to
    the claim field's own rules, as the claim itself is."""
    claims = KINDS_BY_NAME["claims"]
    problems = []
    for key, value in data.items():
        if key not in EDITABLE_FIELDS:
            problems.append((key, "unknown field"))
        elif key in REVISION_DATA_REFS:
            if value is not None and not isinstance(value, str):
                problems.append((key, f"expected an identifier, got {json_type(value)}"))
        elif problem := check_value(claims.field_types[key], value):
            problems.append((key, problem))
        else:
            try:
                claims.model._meta.get_field(key).run_validators(value)
            except ValidationError as exc:
                problems.append((key, " ".join(exc.messages)))
    return problems


PLAIN_TYPES = (TEXT, INTEGER, BOOLEAN, DATE, DATETIME)


def plain_value(spec: FieldSpec, value):
    """A plain field's value as the model holds it (dates and times parsed)."""
    if value is None:
        return None
    if spec.type == DATE:
        return parse_date(value)
    if spec.type == DATETIME:
        return parse_datetime(value)
    return value


def _check_model_fields(kind: Kind, record: dict, label: str) -> list[str]:
    """The model's own field rules (length, choices, slug, URL, email, blank) on plain values."""
    plain = {
        name: plain_value(spec, record[name])
        for name, spec in kind.field_types.items()
        if spec.type in PLAIN_TYPES and name in record
    }
    instance = kind.model(**plain)
    skip = [f.name for f in kind.model._meta.concrete_fields if f.name not in plain]
    try:
        instance.clean_fields(exclude=skip)
    except ValidationError as exc:
        return validation_problems(label, exc)
    return []


def validation_problems(label: str, exc: ValidationError) -> list[str]:
    problems = []
    for name, messages in exc.message_dict.items():
        where = "" if name == NON_FIELD_ERRORS else f' field "{name}":'
        problems.append(f"{label}:{where} {' '.join(messages)}")
    return problems


def _check_references(kind: Kind, records, ids, include_suggestions: bool) -> list[str]:
    problems = []
    names = kind.field_names(include_suggestions=include_suggestions)
    specs = [kind.field_types[n] for n in names if n != "id"]
    for index, record in records:
        label = record_label(kind, index, record)
        for spec in specs:
            value = record[spec.name]
            if spec.type == REF and value is not None:
                values = [value]
            elif spec.type == REFS:
                values = value
            elif spec.type == REVISION_DATA:
                for key, target in REVISION_DATA_REFS.items():
                    ref = value.get(key)
                    if ref is not None and ref not in ids[target]:
                        problems.append(
                            f'{label}: field "{spec.name}.{key}": unknown '
                            f"{KINDS_BY_NAME[target].label} {json.dumps(ref)}"
                        )
                continue
            else:
                continue
            target = KINDS_BY_NAME[spec.target]
            for ref in values:
                if ref not in ids[target.name]:
                    problems.append(
                        f'{label}: field "{spec.name}": unknown {target.label} '
                        f"{json.dumps(ref, ensure_ascii=False)}"
                    )
    return problems


def _check_relies_on(kind: Kind, records) -> list[str]:
    """A claim rests only on references its own origin gives."""
    problems = []
    for index, record in records:
        prefix = f"{record['origin']}/citation-check/"
        for ref in record["relies_on"]:
            if not ref.startswith(prefix):
                problems.append(
                    f'{record_label(kind, index, record)}: field "relies_on": citation check '
                    f"{json.dumps(ref, ensure_ascii=False)} is not one of origin "
                    f"{json.dumps(record['origin'], ensure_ascii=False)}'s references"
                )
    return problems


def _check_integrity(kind: Kind, records) -> list[str]:
    """An integrity notice comes with plain words, and plain words with a kind of notice (as
    the Source admin form requires)."""
    problems = []
    for index, record in records:
        label = record_label(kind, index, record)
        if record["integrity"] and not record["integrity_note"].strip():
            problems.append(f'{label}: field "integrity_note": say in plain words what is known '
                            "about this notice")
        if not record["integrity"] and (
            record["integrity_note"].strip() or record["integrity_citation"].strip()
        ):
            problems.append(f'{label}: field "integrity": a note or citation needs the kind of '
                            "notice")
    return problems


# A tick whose reviewer account was since deleted still imports: the page then shows how the
# finding was seen (Evidence.provenance needs a named reviewer), so backups always restore.
RECORD_RULES = {"claim_origins": _check_relies_on, "sources": _check_integrity}


def _check_unique_together(kind: Kind, records) -> list[str]:
    problems = []
    for names in kind.unique_together:
        seen: dict[tuple, int] = {}
        for index, record in records:
            key = tuple(record[name] for name in names)
            if key in seen:
                fields = ", ".join(f'"{name}"' for name in names)
                problems.append(
                    f"{record_label(kind, index, record)}: field {fields}: "
                    f"{' '.join(json.dumps(v) for v in key)} is already used by "
                    f"{kind.name}[{seen[key]}]"
                )
            else:
                seen[key] = index
    return problems
