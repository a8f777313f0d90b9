"""Read an export document, then write it in one transaction (an upsert by stable id).

Nothing is written until the whole file has passed opendata.validation: its shape, every field
of every record, duplicate ids and every reference. A row the database then refuses (say, a
claim number another claim in the database already uses) rolls the whole import back. Rows are
matched by stable id; a row equal to its record is not touched, so importing a file twice
changes nothing the second time. Rows the file does not mention are kept, never deleted.

In create-only mode (the seed content) a row whose stable id exists is skipped and left exactly
as it is, whatever the file says, and a row that is part of another (evidence, a claim origin,
a citation check, a dose check) is only created together with a new owner.
"""

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from claims.models import Claim
from claims.search.vectors import claim_vectors_update
from opendata.document import (
    REF,
    REFS,
    REVISION_DATA,
    REVISION_DATA_REFS,
    USER,
    Kind,
    kinds_in,
)
from opendata.exporting import export_records, record_id
from opendata.validation import (
    ImportRefused,
    plain_value,
    record_label,
    validate_document,
    validation_problems,
)

MAX_IMPORT_BYTES = 200 * 1024 * 1024
IMPORT_CHANGE_REASON = "Imported with import_claims"


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    kept: Counter = field(default_factory=Counter)  # rows in the database the file lacks
    skipped: Counter = field(default_factory=Counter)  # create-only: rows left as they were
    not_created: list[str] = field(default_factory=list)  # create-only: new rows that clash
    placeholder_users: list[str] = field(default_factory=list)
    create_only: bool = False

    def summary(self) -> str:
        if self.create_only:
            return f"created {self.created.total()}, skipped {self.skipped.total()}"
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


# --- writing --------------------------------------------------------------------------------


def import_document(
    document,
    *,
    dry_run: bool = False,
    create_only: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Check the whole document, then write it in one transaction. Raises ImportRefused.

    create_only: create the rows whose stable id is new and skip the others, leaving them
    exactly as they are (see the module's docstring)."""
    validate_document(document)
    writer = _Writer(document["records"], progress, create_only=create_only)
    try:
        with transaction.atomic():
            writer.write()
            if dry_run:
                transaction.set_rollback(True)
            else:
                # The published claims' vectors for matching by meaning (cheap: bench/RESULTS.md).
                slugs = {record["slug"] for record in document["records"]["claims"]}
                claim_vectors_update(claims=Claim.objects.filter(slug__in=slugs))
    except (IntegrityError, DataError) as exc:
        raise ImportRefused([f"{writer.current}: the database refused it: {exc}"]) from None
    return writer.report


class _NotCreated(Exception):
    """Create-only: this new row cannot be created beside what the database holds."""


class _Writer:
    """Writes rows straight to the models, deliberately not through the workflow services
    (editorial): an import restores or seeds content that was reviewed already (a backup, or
    the files under content/), so it must not re-run submissions and approvals, re-stamp who
    did what, or bump versions. Each saved claim, evidence item and source gets the history
    entry "Imported with import_claims"; no audit entries are written."""

    def __init__(self, records: dict, progress, *, create_only: bool = False):
        self.records = records
        self.include_suggestions = "suggestions" in records
        self.kinds = kinds_in(include_suggestions=self.include_suggestions)
        self.progress = progress
        self.create_only = create_only
        self.report = ImportReport(create_only=create_only)
        self.created: dict[str, set[str]] = {kind.name: set() for kind in self.kinds}
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
                self.current = record_label(kind, index, record)
                if self.create_only:
                    self._create_if_new(kind, stable, record, before.get(stable))
                elif before.get(stable) == record:
                    self.report.unchanged[kind.name] += 1
                else:
                    self._write_row(kind, stable, record)
                done += 1
                if self.progress:
                    self.progress(done, self.total)
            self.report.kept[kind.name] = len(set(before) - seen)

    def _create_if_new(self, kind: Kind, stable: str, record: dict, existing) -> None:
        if existing is not None:
            self.report.skipped[kind.name] += 1
            if kind.numbered and existing != record:
                # A numbered row has no key of its own: the row now at this number is another
                # one (or was edited), so new rows must not be linked to it.
                del self.pks[kind.name][stable]
            return
        if kind.part_of:
            owner = kind.field_types[kind.part_of].target
            if record[kind.part_of] not in self.created[owner]:
                self.report.skipped[kind.name] += 1
                return
        try:
            self._write_row(kind, stable, record)
        except _NotCreated as exc:
            self.report.not_created.append(f"{self.current}: not created: {exc}")
            return
        self.created[kind.name].add(stable)

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

    def _pk(self, spec, value: str) -> int:
        pk = self.pks[spec.target].get(value)
        if pk is None:  # only in create-only mode: validation found every reference
            raise _NotCreated(
                f'its {spec.name} {json.dumps(value, ensure_ascii=False)} was not created'
            )
        return pk

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
                # Create-only leaves out a link to a row that is gone or now another one.
                targets = self.pks[spec.target]
                many[name] = [targets[v] for v in value if v in targets]
            elif spec.type == REF:
                setattr(row, f"{name}_id", None if value is None else self._pk(spec, value))
            elif spec.type == USER:
                setattr(row, f"{name}_id", None if value is None else self.users[value])
            elif spec.type == REVISION_DATA:
                setattr(row, name, self._revision_data(value))
            else:
                setattr(row, name, plain_value(spec, value))
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
            if self.create_only:
                # A new row that clashes with an editor's row (a claim number they now use):
                # the editor's row wins, as the seed always did.
                raise _NotCreated(" ".join(exc.messages)) from None
            raise ImportRefused(validation_problems(self.current, exc)) from None
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
