"""Check an export document as a whole, then write it in one transaction (an upsert by stable id).

Nothing is written until the whole file has passed: its shape, every field of every record,
duplicate ids and every reference. A row the database then refuses (say, a claim number
another claim in the database already uses) rolls the whole import back. Rows are matched by
stable id; a row equal to its record is not touched, so importing a file twice changes nothing
the second time. Rows the file does not mention are kept, never deleted.
"""

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import DataError, IntegrityError, transaction
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
    Kind,
    kinds_in,
)
from opendata.exporting import export_records, record_id

MAX_IMPORT_BYTES = 200 * 1024 * 1024
MAX_PROBLEMS_SHOWN = 20
IMPORT_CHANGE_REASON = "Imported with import_claims"
TOP_LEVEL_KEYS = {"format", "version", "exported_at", "records"}


class ImportRefused(Exception):
    """The file cannot be imported. Each problem names the record and the field."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        lines = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            lines.append(f"... and {len(problems) - MAX_PROBLEMS_SHOWN} more problems")
        super().__init__("\n".join(lines))


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    kept: Counter = field(default_factory=Counter)  # rows in the database the file lacks
    placeholder_users: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"created {self.created.total()}, updated {self.updated.total()}, "
            f"unchanged {self.unchanged.total()}"
        )


# --- reading --------------------------------------------------------------------------------


def parse_document(raw: bytes, *, max_bytes: int | None = None):
    max_bytes = MAX_IMPORT_BYTES if max_bytes is None else max_bytes
    if len(raw) > max_bytes:
        raise ImportRefused([_too_big(len(raw), max_bytes)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            [f"the file is not UTF-8 text (bad byte at position {exc.start}): "
             "is it a file written by export_claims?"]
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            [f"the file is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"]
        ) from None
    except RecursionError:
        raise ImportRefused(["the file is not an export: its JSON is nested too deeply"]) from None


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"the file is {size / 1024 / 1024:.1f} MB; the limit is {max_bytes / 1024 / 1024:g} MB "
        "(an export of this site is far smaller: is it the right file?)"
    )


def read_document(path: str, *, max_bytes: int | None = None):
    """Read and parse a file, refusing it before reading if it is over the size limit."""
    max_bytes = MAX_IMPORT_BYTES if max_bytes is None else max_bytes
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            if size > max_bytes:
                raise ImportRefused([_too_big(size, max_bytes)])
            handle.seek(0)
            raw = handle.read()
    except OSError as exc:
        raise ImportRefused([f"cannot read the file: {exc.strerror}"]) from None
    return parse_document(raw, max_bytes=max_bytes)


# --- checking -------------------------------------------------------------------------------


def _json_type(value) -> str:
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
            [f"the file is not an export document: it holds {_json_type(document)}, "
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
                    f'{_label(kind, index, record)}: duplicate identifier (also '
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
        problems.append(f'field "records": expected an object, got {_json_type(records)}')
    if problems:
        return problems
    expected = {kind.name for kind in kinds_in(include_suggestions="suggestions" in records)}
    for name in sorted(expected - set(records)):
        problems.append(f'records: missing "{name}"')
    for name in sorted(set(records) - expected):
        problems.append(f'records: unknown kind "{name}"')
    for name in sorted(expected & set(records)):
        if not isinstance(records[name], list):
            problems.append(f'records "{name}": expected a list, got {_json_type(records[name])}')
    return problems


def _id_or_none(kind: Kind, record) -> str | None:
    if not isinstance(record, dict):
        return None
    try:
        stable = record_id(kind, record)
    except (KeyError, TypeError):
        return None
    return stable if isinstance(stable, str) and stable else None


def _label(kind: Kind, index: int, record) -> str:
    stable = _id_or_none(kind, record)
    named = f" {json.dumps(stable, ensure_ascii=False)}" if stable else ""
    return f"{kind.name}[{index}]{named}"


def _check_record(kind: Kind, index: int, record, include_suggestions: bool) -> list[str]:
    if not isinstance(record, dict):
        return [f"{kind.name}[{index}]: expected an object, got {_json_type(record)}"]
    label = _label(kind, index, record)
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
            problem = _check_value(kind.field_types[name], record[name])
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
        return [f'{label}: field "id": expected non-empty text, got {_json_type(stable)}']
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


def _check_value(spec, value) -> str:
    """What is wrong with one value's JSON type or format ("" when nothing)."""
    if value is None:
        return "" if spec.nullable else "must not be null"
    if spec.type in (TEXT, REF, USER) and not isinstance(value, str):
        return f"expected text, got {_json_type(value)}"
    if spec.type == TEXT and spec.max_length is not None:
        # Checked here too: a TextField's max_length alone is not validated by the model.
        try:
            MaxLengthValidator(spec.max_length)(value)
        except ValidationError as exc:
            return " ".join(exc.messages)
    if spec.type == INTEGER and type(value) is not int:
        return f"expected a whole number, got {_json_type(value)}"
    if spec.type == INTEGER and not spec.bounds[0] <= value <= spec.bounds[1]:
        return f"{value} is out of range: the field holds {spec.bounds[0]} to {spec.bounds[1]}"
    if spec.type == BOOLEAN and not isinstance(value, bool):
        return f"expected true or false, got {_json_type(value)}"
    if spec.type == DATE and not _is_date(value):
        return f"{json.dumps(value)} is not a date (YYYY-MM-DD)"
    if spec.type == DATETIME and not _is_datetime(value):
        return f"{json.dumps(value)} is not a date and time with a time zone"
    if spec.type == USER:
        return _check_username(value)
    if spec.type == REFS:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "expected a list of identifiers"
        if len(set(value)) != len(value):
            return "lists the same identifier twice"
    if spec.type == REVISION_DATA and not isinstance(value, dict):
        return f"expected an object, got {_json_type(value)}"
    return ""


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
                problems.append((key, f"expected an identifier, got {_json_type(value)}"))
        elif problem := _check_value(claims.field_types[key], value):
            problems.append((key, problem))
        else:
            try:
                claims.model._meta.get_field(key).run_validators(value)
            except ValidationError as exc:
                problems.append((key, " ".join(exc.messages)))
    return problems


def _check_username(value: str) -> str:
    User = get_user_model()
    username_field = User._meta.get_field(User.USERNAME_FIELD)
    try:
        username_field.run_validators(value)
    except ValidationError as exc:
        return f"{json.dumps(value)} is not a valid username: {' '.join(exc.messages)}"
    return "" if value else "expected a username, got empty text"


PLAIN_TYPES = (TEXT, INTEGER, BOOLEAN, DATE, DATETIME)


def _plain_value(spec, value):
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
        name: _plain_value(spec, record[name])
        for name, spec in kind.field_types.items()
        if spec.type in PLAIN_TYPES and name in record
    }
    instance = kind.model(**plain)
    skip = [f.name for f in kind.model._meta.concrete_fields if f.name not in plain]
    try:
        instance.clean_fields(exclude=skip)
    except ValidationError as exc:
        return _validation_problems(label, exc)
    return []


def _validation_problems(label: str, exc: ValidationError) -> list[str]:
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
        label = _label(kind, index, record)
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
                    f'{_label(kind, index, record)}: field "relies_on": citation check '
                    f"{json.dumps(ref, ensure_ascii=False)} is not one of origin "
                    f"{json.dumps(record['origin'], ensure_ascii=False)}'s references"
                )
    return problems


# A tick whose reviewer account was since deleted still imports: the page then shows how the
# finding was seen (Evidence.provenance needs a named reviewer), so backups always restore.
RECORD_RULES = {"claim_origins": _check_relies_on}


def _check_unique_together(kind: Kind, records) -> list[str]:
    problems = []
    for names in kind.unique_together:
        seen: dict[tuple, int] = {}
        for index, record in records:
            key = tuple(record[name] for name in names)
            if key in seen:
                fields = ", ".join(f'"{name}"' for name in names)
                problems.append(
                    f"{_label(kind, index, record)}: field {fields}: "
                    f"{' '.join(json.dumps(v) for v in key)} is already used by "
                    f"{kind.name}[{seen[key]}]"
                )
            else:
                seen[key] = index
    return problems


# --- writing --------------------------------------------------------------------------------


def import_document(
    document, *, dry_run: bool = False, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """Check the whole document, then write it in one transaction. Raises ImportRefused."""
    validate_document(document)
    writer = _Writer(document["records"], progress)
    try:
        with transaction.atomic():
            writer.write()
            if dry_run:
                transaction.set_rollback(True)
    except (IntegrityError, DataError) as exc:
        raise ImportRefused([f"{writer.current}: the database refused it: {exc}"]) from None
    return writer.report


class _Writer:
    def __init__(self, records: dict, progress):
        self.records = records
        self.include_suggestions = "suggestions" in records
        self.kinds = kinds_in(include_suggestions=self.include_suggestions)
        self.progress = progress
        self.report = ImportReport()
        self.current = ""
        self.total = sum(len(records[kind.name]) for kind in self.kinds)

    def write(self) -> None:
        existing, self.pks = export_records(include_suggestions=self.include_suggestions)
        self.users = self._users()
        done = 0
        for kind in self.kinds:
            before = {record_id(kind, record): record for record in existing[kind.name]}
            seen = set()
            for index, record in enumerate(self.records[kind.name]):
                stable = record_id(kind, record)
                seen.add(stable)
                self.current = _label(kind, index, record)
                if before.get(stable) == record:
                    self.report.unchanged[kind.name] += 1
                else:
                    self._write_row(kind, stable, record)
                done += 1
                if self.progress:
                    self.progress(done, self.total)
            self.report.kept[kind.name] = len(set(before) - seen)

    def _users(self) -> dict[str, int]:
        """Usernames in the file -> user ids. A username with no account here gets an
        inactive placeholder account (no password, no role), so attribution survives."""
        names = set()
        for kind in self.kinds:
            for name, spec in kind.field_types.items():
                if spec.type == USER:
                    names.update(r[name] for r in self.records[kind.name] if r[name])
        User = get_user_model()
        found = dict(User.objects.filter(username__in=names).values_list("username", "pk"))
        for username in sorted(names - set(found)):
            user = User(username=username, is_active=False)
            user.set_unusable_password()
            user.save()
            found[username] = user.pk
            self.report.placeholder_users.append(username)
        return found

    def _write_row(self, kind: Kind, stable: str, record: dict) -> None:
        model = kind.model
        pk = self.pks[kind.name].get(stable)
        row = model._default_manager.get(pk=pk) if pk is not None else model()
        many, restore = {}, {}
        for name in kind.field_names(include_suggestions=self.include_suggestions):
            if name == "id":
                continue
            spec, value = kind.field_types[name], record[name]
            if spec.type == REFS:
                many[name] = [self.pks[spec.target][v] for v in value]
            elif spec.type == REF:
                setattr(row, f"{name}_id", None if value is None else self.pks[spec.target][value])
            elif spec.type == USER:
                setattr(row, f"{name}_id", None if value is None else self.users[value])
            elif spec.type == REVISION_DATA:
                setattr(row, name, self._revision_data(value))
            else:
                setattr(row, name, _plain_value(spec, value))
                if spec.auto:
                    restore[name] = getattr(row, name)
        row._change_reason = IMPORT_CHANGE_REASON  # read by simple-history where tracked
        try:
            # full_clean() without its per-foreign-key existence queries: every reference was
            # resolved to a row of this transaction above.
            row.clean_fields(exclude=kind.foreign_keys)
            row.clean()
            row.validate_unique()
            row.validate_constraints()
        except ValidationError as exc:
            raise ImportRefused(_validation_problems(self.current, exc)) from None
        row.save()
        for name, pks in many.items():
            getattr(row, name).set(pks)
        if restore:
            # auto_now and auto_now_add fields: save() stamps them, the file's times win.
            model._default_manager.filter(pk=row.pk).update(**restore)
        self.pks[kind.name][stable] = row.pk
        counter = self.report.updated if pk is not None else self.report.created
        counter[kind.name] += 1

    def _revision_data(self, data: dict) -> dict:
        stored = dict(data)
        for key, target in REVISION_DATA_REFS.items():
            if stored.get(key) is not None:
                stored[key] = self.pks[target][stored[key]]
        return stored
