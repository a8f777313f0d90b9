"""Load the claims app's seed content: create what is missing, never change what exists.

Every row is keyed on a stable identifier (Verdict.code, GradingScheme.slug, Grade
(scheme, code), Source.key, Origin.key, DoseReference.key, Topic.slug, Claim.slug). A row that
already exists is left exactly as an editor last saved it, and its children (evidence, claim
origins, citation checks, dose checks) are only ever created together with a new parent, so a
re-run never brings back something an editor deleted or changed.

Citation checks have no stable key of their own, so the seed data gives each one a seed-only
"ref"; a claim names the references its origin relies on by that ref, and the loader links
them when it creates the claim's origins (a check an editor has since deleted is skipped).
Nothing seeded is ever marked as checked against the original document: only a named medical
reviewer's action records that.
"""

from collections import Counter

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from claims.models import (
    CitationCheck,
    Claim,
    ClaimOrigin,
    DoseCheck,
    DoseReference,
    Evidence,
    Grade,
    GradingScheme,
    Origin,
    ReviewState,
    Source,
    Topic,
    Verdict,
)
from claims.seed_data.b12_claims import CLAIMS
from claims.seed_data.doses import DOSE_REFERENCES
from claims.seed_data.grading import GRADING_SCHEMES
from claims.seed_data.lay_aliases import LAY_ALIASES
from claims.seed_data.origins import CITATION_CHECKS, ORIGINS
from claims.seed_data.sources import SOURCES
from claims.seed_data.topics import B12_TOPIC
from claims.seed_data.verdicts import VERDICTS

# Report order, with the words each count is printed under (singular, plural).
_REPORT = [
    ("verdict", "verdict", "verdicts"),
    ("grading_scheme", "grading scheme", "grading schemes"),
    ("grade", "grade", "grades"),
    ("source", "source", "sources"),
    ("origin", "origin", "origins"),
    ("citation_check", "citation check", "citation checks"),
    ("dose_reference", "dose reference", "dose references"),
    ("topic", "topic", "topics"),
    ("claim", "claim", "claims"),
    ("claim_origin", "claim origin", "claim origins"),
    ("evidence", "evidence item", "evidence items"),
    ("dose_check", "dose check", "dose checks"),
]
_TOPICS = [(B12_TOPIC, CLAIMS)]


def load() -> list[str]:
    """Create the missing seed rows and return report lines for the management command.

    Runs inside the caller's transaction (load_seed_content wraps it in one); called on its
    own it gets a transaction of its own.
    """
    created: Counter = Counter()
    skipped: Counter = Counter()
    problems: list[str] = []
    with transaction.atomic(savepoint=False):
        _load_verdicts(created, skipped)
        _load_grading(created, skipped)
        _load_sources(created, skipped)
        _load_origins(created, skipped)
        _load_dose_references(created, skipped)
        for topic_data, claims_data in _TOPICS:
            topic = _load_topic(topic_data, created, skipped)
            _load_claims(topic, claims_data, created, skipped, problems)

    parts = ", ".join(
        f"{created[kind]} {one if created[kind] == 1 else many}" for kind, one, many in _REPORT
    )
    # Only keyed rows are ever skipped; children come and go with their parent.
    return [f"claims: created {parts} (skipped {sum(skipped.values())} existing)", *problems]


def _existing(model, field: str, values) -> set:
    return set(model.objects.filter(**{f"{field}__in": list(values)}).values_list(field, flat=True))


def _new_rows(model, field: str, rows: list[dict], kind: str, skipped: Counter) -> list[dict]:
    """The rows whose key is not yet in the database; counts the others as skipped."""
    existing = _existing(model, field, (row[field] for row in rows))
    skipped[kind] += len(existing)
    return [row for row in rows if row[field] not in existing]


def _load_verdicts(created: Counter, skipped: Counter) -> None:
    new = _new_rows(Verdict, "code", VERDICTS, "verdict", skipped)
    Verdict.objects.bulk_create(Verdict(**row) for row in new)
    created["verdict"] += len(new)


def _load_grading(created: Counter, skipped: Counter) -> None:
    scheme_rows = [
        {key: value for key, value in scheme.items() if key != "grades"}
        for scheme in GRADING_SCHEMES
    ]
    new = _new_rows(GradingScheme, "slug", scheme_rows, "grading_scheme", skipped)
    GradingScheme.objects.bulk_create(GradingScheme(**row) for row in new)
    created["grading_scheme"] += len(new)

    schemes = GradingScheme.objects.in_bulk([row["slug"] for row in scheme_rows], field_name="slug")
    existing = set(
        Grade.objects.filter(scheme__in=schemes.values()).values_list("scheme__slug", "code")
    )
    grades = []
    for scheme in GRADING_SCHEMES:
        for grade in scheme["grades"]:
            if (scheme["slug"], grade["code"]) in existing:
                skipped["grade"] += 1
            else:
                grades.append(Grade(scheme=schemes[scheme["slug"]], **grade))
    Grade.objects.bulk_create(grades)
    created["grade"] += len(grades)


def _load_sources(created: Counter, skipped: Counter) -> None:
    new = _new_rows(Source, "key", SOURCES, "source", skipped)
    bulk_create_with_history([Source(**row) for row in new], Source)
    created["source"] += len(new)


def _load_origins(created: Counter, skipped: Counter) -> None:
    new = _new_rows(Origin, "key", ORIGINS, "origin", skipped)
    Origin.objects.bulk_create(Origin(**row) for row in new)
    created["origin"] += len(new)

    # An origin's citation checks arrive with it, never later.
    new_keys = {row["key"] for row in new}
    rows = [row for row in CITATION_CHECKS if row["origin"] in new_keys]
    if not rows:
        return
    origins = Origin.objects.in_bulk(new_keys, field_name="key")
    sources = _sources_by_key(row["matched_source"] for row in rows)
    checks = [
        CitationCheck(
            origin=origins[row["origin"]],
            cited_as=row["cited_as"],
            status=row["status"],
            finding=row["finding"],
            matched_source=sources.get(row["matched_source"]),
            order=order,
        )
        for order, row in enumerate(rows, start=1)
    ]
    CitationCheck.objects.bulk_create(checks)
    created["citation_check"] += len(checks)


def _load_dose_references(created: Counter, skipped: Counter) -> None:
    new = _new_rows(DoseReference, "key", DOSE_REFERENCES, "dose_reference", skipped)
    sources = _sources_by_key(row["source"] for row in new)
    DoseReference.objects.bulk_create(
        DoseReference(**{**row, "source": sources[row["source"]]}) for row in new
    )
    created["dose_reference"] += len(new)


def _load_topic(data: dict, created: Counter, skipped: Counter) -> Topic:
    topic = Topic.objects.filter(slug=data["slug"]).first()
    if topic is not None:
        skipped["topic"] += 1
        return topic
    topic = Topic(**data)
    topic.save()  # save() renders the Markdown
    created["topic"] += 1
    return topic


def _load_claims(
    topic: Topic, rows: list[dict], created: Counter, skipped: Counter, problems: list[str]
) -> None:
    new = _new_rows(Claim, "slug", rows, "claim", skipped)
    if not new:
        return
    # An editor may have renumbered or re-slugged a claim; never collide with their work.
    taken = set(topic.claims.values_list("number", flat=True))
    for row in [row for row in new if row["number"] in taken]:
        problems.append(
            f"claims: not created '{row['slug']}': number {row['number']} is already used "
            f"in topic '{topic.slug}'"
        )
    new = [row for row in new if row["number"] not in taken]

    verdicts = Verdict.objects.in_bulk(field_name="code")
    grades = {(g.scheme.slug, g.code): g for g in Grade.objects.select_related("scheme")}
    origins = Origin.objects.in_bulk(field_name="key")
    sources = _sources_by_key(ev["source"] for row in new for ev in row["evidence"])
    dose_refs = DoseReference.objects.in_bulk(field_name="key")

    checks_by_ref = _citation_checks_by_ref()
    claim_origins, relied_on, evidence = [], [], []
    for row in new:
        claim = Claim(
            topic=topic,
            number=row["number"],
            slug=row["slug"],
            text=row["text"],
            short_wording=row["short_wording"],
            verdict=verdicts[row["verdict"]],
            verdict_reason=row["verdict_reason"],
            patient_summary_md=row["patient_summary_md"],
            clinician_summary_md=row["clinician_summary_md"],
            what_to_do_md=row["what_to_do_md"],
            aliases="\n".join([*row.get("aliases", []), *LAY_ALIASES.get(row["slug"], [])]),
            no_guideline_note=row.get("no_guideline_note", ""),
            # Seeded content is not yet approved by a clinician.
            state=ReviewState.UNDER_REVIEW,
        )
        claim.save()  # save() renders the Markdown and the search document
        created["claim"] += 1

        for origin_key, words in row["origins"].items():
            words = {"wording": words} if isinstance(words, str) else words
            claim_origins.append(
                ClaimOrigin(
                    claim=claim,
                    origin=origins[origin_key],
                    quote=words.get("quote", ""),
                    wording=words.get("wording", ""),
                )
            )
            refs = row.get("relies_on", {}).get(origin_key, [])
            relied_on.append([checks_by_ref[ref] for ref in refs if ref in checks_by_ref])
        for order, item in enumerate(row["evidence"], start=1):
            grade = item.get("grade")
            evidence.append(
                Evidence(
                    claim=claim,
                    source=sources[item["source"]],
                    direction=item["direction"],
                    finding=item["finding"],
                    clinician_finding=item.get("clinician_finding", ""),
                    grade=grades[grade] if grade else None,
                    grade_question=item.get("grade_question", ""),
                    grade_answers_claim=item.get("grade_answers_claim", False),
                    grade_note=item.get("grade_note", ""),
                    seen_as=item["seen_as"],
                    verified=False,  # only a named reviewer's action sets this
                    verification_note=item["verification_note"],
                    order=order,
                )
            )
        dose = row.get("dose_check")
        if dose:
            check = DoseCheck(
                claim=claim,
                claimed_amount=dose["claimed_amount"],
                patient_comparison=dose["patient_comparison"],
                explanation_md=dose["explanation_md"],
            )
            check.save()  # save() renders the Markdown
            check.references.set([dose_refs[key] for key in dose["references"]])
            created["dose_check"] += 1

    ClaimOrigin.objects.bulk_create(claim_origins)
    created["claim_origin"] += len(claim_origins)
    Through = ClaimOrigin.relies_on.through
    Through.objects.bulk_create(
        Through(claimorigin_id=link.pk, citationcheck_id=check.pk)
        for link, checks in zip(claim_origins, relied_on, strict=True)
        for check in checks
    )
    bulk_create_with_history(evidence, Evidence)
    created["evidence"] += len(evidence)


def _citation_checks_by_ref() -> dict[str, CitationCheck]:
    """The seeded citation checks that still exist, by their seed-only ref.

    A check is found again by its origin and the reference as the origin gives it; one an
    editor has deleted or re-worded is not found, and no claim is linked to it.
    """
    wanted = {(row["origin"], row["cited_as"]): row["ref"] for row in CITATION_CHECKS}
    checks = CitationCheck.objects.filter(
        origin__key__in={origin for origin, _ in wanted},
        cited_as__in={cited_as for _, cited_as in wanted},
    ).select_related("origin")
    found = {}
    for check in checks:
        ref = wanted.get((check.origin.key, check.cited_as))
        if ref is not None:
            found.setdefault(ref, check)
    return found


def _sources_by_key(keys) -> dict[str, Source]:
    return Source.objects.in_bulk({key for key in keys if key}, field_name="key")
