"""The export document's format: which rows it holds, how each row is named, in which order.

Every record has a stable identifier that never depends on database ids:

- rows with a natural key are named by it (Verdict.code, Source.key, Claim.slug, ...; a grade
  is "<scheme slug>/<code>", a claim origin "<claim slug>/origin/<origin key>", a reviewer
  profile its user's username);
- rows that belong to a parent and have no key of their own are numbered within it in their
  display order ("<claim slug>/evidence/3", "<origin key>/citation-check/1"; a claim origin's
  `relies_on` lists such citation-check ids);
- audit entries and suggestions are named by when they happened ("audit/<time>/<action>"),
  with "~2", "~3" added when two share a moment.

Kinds are listed in dependency order: a record only refers to kinds listed before it, so an
import can write them in this order.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

FORMAT = "claimcheck-export"
VERSION = 1

# How a field is written in the document. Derived from the model field (see Kind.field_types).
TEXT, INTEGER, BOOLEAN, DATE, DATETIME = "text", "integer", "boolean", "date", "datetime"
REF, REFS, USER, REVISION_DATA = "ref", "refs", "user", "revision_data"

# ClaimRevision.data holds proposed values with foreign keys as database ids; the document
# names them by stable id instead. Keep in step with editorial.services.claims.FOREIGN_KEY_FIELDS.
REVISION_DATA_REFS = {"topic": "topics", "verdict": "verdicts"}

# The whole numbers each integer field holds on PostgreSQL. SQLite stores any, so the importer
# checks these itself: a file imports on both databases or on neither.
INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    nullable: bool
    target: str = ""  # the kind a REF or REFS field points to
    auto: bool = False  # auto_now / auto_now_add: restored after save()
    bounds: tuple[int, int] = (0, 0)  # an INTEGER field's smallest and largest value
    max_length: int | None = None  # a TEXT field's longest value


@dataclass(frozen=True)
class Kind:
    name: str  # the key under "records"
    label: str  # singular words for messages: 'unknown verdict "X"'
    model_label: str
    fields: tuple[str, ...]
    # The id as a function of the record's own fields; such records carry no "id" field.
    natural: Callable[[dict], str] | None = None
    # Children: the field naming the parent; rows are listed (and numbered) within it.
    parent: str = ""
    # Numbered children: id "<parent id>/<numbered>/<n>", n counted in `ordering`.
    numbered: str = ""
    # Rows named by time: id from the record, made unique with "~2", "~3".
    timed: Callable[[dict], str] | None = None
    ordering: tuple[str, ...] = ("pk",)
    # Fields and kinds exported only with --include-suggestions (personal data).
    with_suggestions_only: tuple[str, ...] = ()
    personal: bool = False
    # Groups of fields that are unique together across the file (besides the id).
    unique_together: tuple[tuple[str, ...], ...] = field(default=())
    # The field naming the row this one is part of. A create-only import creates such a row
    # only together with a new owner, never adding it to one that exists (an editor may have
    # removed it on purpose).
    part_of: str = ""

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    @property
    def carries_id(self) -> bool:
        return self.natural is None

    def field_names(self, *, include_suggestions: bool) -> tuple[str, ...]:
        names = tuple(
            name for name in self.fields
            if include_suggestions or name not in self.with_suggestions_only
        )
        return (("id",) + names) if self.carries_id else names

    @cached_property
    def field_types(self) -> dict[str, FieldSpec]:
        return {name: _field_spec(self.model, name) for name in self.fields}

    @cached_property
    def foreign_keys(self) -> list[str]:
        return [name for name, spec in self.field_types.items() if spec.type in (REF, USER)]


def _field_spec(model, name: str) -> FieldSpec:
    model_field = model._meta.get_field(name)
    nullable = model_field.null
    if model_field.many_to_many:
        return FieldSpec(name, REFS, False, target=_kind_for(model_field.related_model))
    if model_field.is_relation:
        if model_field.related_model._meta.label == settings.AUTH_USER_MODEL:
            return FieldSpec(name, USER, nullable)
        return FieldSpec(name, REF, nullable, target=_kind_for(model_field.related_model))
    if isinstance(model_field, models.DateTimeField):
        auto = model_field.auto_now or model_field.auto_now_add
        return FieldSpec(name, DATETIME, nullable, auto=auto)
    if isinstance(model_field, models.DateField):
        return FieldSpec(name, DATE, nullable)
    if isinstance(model_field, models.JSONField):
        return FieldSpec(name, REVISION_DATA, nullable)
    if isinstance(model_field, models.BooleanField):
        return FieldSpec(name, BOOLEAN, nullable)
    if isinstance(model_field, models.IntegerField):
        bounds = INTEGER_RANGES[model_field.get_internal_type()]
        return FieldSpec(name, INTEGER, nullable, bounds=bounds)
    return FieldSpec(name, TEXT, nullable, max_length=model_field.max_length)


def _kind_for(model) -> str:
    for kind in KINDS:
        if kind.model_label == model._meta.label:
            return kind.name
    raise LookupError(f"{model._meta.label} is not in the export format")


KINDS: tuple[Kind, ...] = (
    Kind(
        "verdicts", "verdict", "claims.Verdict",
        ("code", "label", "definition", "rating_value", "order"),
        natural=lambda r: r["code"], unique_together=(("rating_value",),),
    ),
    Kind(
        "grading_schemes", "grading scheme", "claims.GradingScheme",
        ("slug", "name", "plain_summary", "clinician_summary", "order"),
        natural=lambda r: r["slug"],
    ),
    Kind(
        "grades", "grade", "claims.Grade",
        ("scheme", "code", "label", "plain_meaning", "clinician_meaning", "order"),
        natural=lambda r: f"{r['scheme']}/{r['code']}", parent="scheme",
        ordering=("order", "pk"),
    ),
    Kind(
        "sources", "source", "claims.Source",
        ("key", "short_name", "source_type", "citation", "year", "doi", "pmid", "url",
         "citation_verified", "citation_note", "integrity", "integrity_note", "integrity_citation",
         "updated_at"),
        natural=lambda r: r["key"],
    ),
    Kind(
        "topics", "topic", "claims.Topic",
        ("slug", "title", "summary", "intro_md", "what_to_do_md", "is_published", "order",
         "updated_at"),
        natural=lambda r: r["slug"],
    ),
    Kind(
        "origins", "origin", "claims.Origin",
        ("key", "name", "kind", "description", "url", "seen_on"),
        natural=lambda r: r["key"],
    ),
    Kind(
        "citation_checks", "citation check", "claims.CitationCheck",
        ("origin", "cited_as", "status", "finding", "matched_source", "order"),
        parent="origin", numbered="citation-check", ordering=("order", "pk"),
        part_of="origin",
    ),
    Kind(
        "dose_references", "dose reference", "claims.DoseReference",
        ("key", "label", "amount", "country", "clinician_only", "explanation", "source",
         "order"),
        natural=lambda r: r["key"],
    ),
    Kind(
        "conditions", "condition", "assessments.Condition",
        ("slug", "name", "description", "order"),
        natural=lambda r: r["slug"],
    ),
    Kind(
        "symptoms", "symptom", "assessments.Symptom",
        ("slug", "name", "explanation", "group", "conditions", "points_towards",
         "points_towards_note", "source", "verified", "order", "urgency", "relapse_like"),
        natural=lambda r: r["slug"],
    ),
    Kind(
        "red_flags", "red flag", "assessments.RedFlag",
        ("slug", "label", "urgency", "what_to_do", "source", "verified", "order",
         "relapse_like"),
        natural=lambda r: r["slug"],
    ),
    Kind(
        "lab_tests", "lab test", "assessments.LabTest",
        ("slug", "name", "measures", "why_it_matters", "source", "verified", "order",
         "when_to_ask"),
        natural=lambda r: r["slug"],
    ),
    Kind(
        "cautions", "caution", "assessments.Caution",
        ("slug", "title", "body", "source", "verified", "order"),
        natural=lambda r: r["slug"],
    ),
    Kind(
        "care_routes", "care route", "assessments.CareRoute",
        ("urgency", "title", "summary", "where", "for_people_with_ms", "source_name",
         "last_reviewed", "next_review_due"),
        natural=lambda r: r["urgency"],
    ),
    Kind(
        "reviewer_profiles", "reviewer profile", "claims.ReviewerProfile",
        ("user", "name", "role", "registration", "conflicts", "updated_at"),
        natural=lambda r: r["user"],
    ),
    Kind(
        "claims", "claim", "claims.Claim",
        ("topic", "number", "slug", "text", "short_wording", "verdict", "verdict_reason",
         "verdict_population", "patient_summary_md", "clinician_summary_md", "what_to_do_md",
         "aliases", "no_guideline_note", "state", "author", "last_edited_by", "reviewed_by",
         "first_published", "last_reviewed", "next_review_due", "version", "created_at",
         "updated_at"),
        natural=lambda r: r["slug"], unique_together=(("topic", "number"),),
    ),
    Kind(
        "claim_origins", "claim origin", "claims.ClaimOrigin",
        ("claim", "origin", "quote", "wording", "relies_on"),
        natural=lambda r: f"{r['claim']}/origin/{r['origin']}", parent="claim",
        part_of="claim",
    ),
    Kind(
        "evidence", "evidence item", "claims.Evidence",
        ("claim", "source", "direction", "finding", "clinician_finding", "seen_as", "grade",
         "grade_question", "grade_answers_claim", "grade_note", "verified", "verified_by",
         "verified_at", "verification_note", "order"),
        parent="claim", numbered="evidence", ordering=("order", "pk"), part_of="claim",
    ),
    Kind(
        "dose_checks", "dose check", "claims.DoseCheck",
        ("claim", "claimed_amount", "patient_comparison", "explanation_md", "references"),
        natural=lambda r: f"{r['claim']}/dose-check", part_of="claim",
    ),
    Kind(
        "verdict_changes", "verdict change", "claims.VerdictChange",
        ("claim", "changed_on", "from_verdict", "to_verdict", "reason"),
        parent="claim", numbered="verdict-change", ordering=("changed_on", "pk"),
        part_of="claim",
    ),
    Kind(
        "claim_revisions", "claim revision", "claims.ClaimRevision",
        ("claim", "data", "verdict_change_reason", "state", "author", "last_edited_by",
         "created_at", "updated_at", "closed_at"),
        parent="claim", numbered="revision", ordering=("created_at", "pk"),
        part_of="claim",
    ),
    Kind(
        "suggestions", "suggestion", "editorial.Suggestion",
        ("claim_text", "seen_at", "email", "email_consent", "created_at", "status", "claim",
         "triage_note", "triaged_by", "triaged_at"),
        timed=lambda r: f"suggestion/{r['created_at']}", ordering=("created_at", "pk"),
        personal=True,
    ),
    Kind(
        "audit_entries", "audit entry", "editorial.AuditEntry",
        ("claim", "suggestion", "subject", "actor", "actor_name", "action", "from_state",
         "to_state", "comment", "created_at"),
        timed=lambda r: f"audit/{r['created_at']}/{r['action']}", ordering=("created_at", "pk"),
        with_suggestions_only=("suggestion",),
    ),
)

KINDS_BY_NAME = {kind.name: kind for kind in KINDS}


def kinds_in(*, include_suggestions: bool) -> tuple[Kind, ...]:
    return tuple(kind for kind in KINDS if include_suggestions or not kind.personal)
