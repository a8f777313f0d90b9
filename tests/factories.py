"""The test suite's one set of factories: make_<thing>(**overrides) -> a saved instance.

Public-page tests use make_claim (an approved, published claim). Workflow tests use
make_draft_claim (a draft that passes the checks before submission, with one guideline as
evidence) and make_guideline. Every name here makes the same thing wherever it is used.
"""

import datetime
import itertools

from django.contrib.auth import get_user_model

from claims.models import (
    CitationCheck,
    Claim,
    ClaimOrigin,
    ClaimRevision,
    DoseCheck,
    DoseReference,
    Evidence,
    Grade,
    GradingScheme,
    Origin,
    ReviewerProfile,
    ReviewState,
    Source,
    SourceType,
    Topic,
    Verdict,
    VerdictChange,
)
from editorial.models import AuditEntry, Suggestion

_counter = itertools.count(1)

VERDICTS = [
    ("S", "Supported", "Good evidence backs the claim as it is written.", 5),
    ("P", "Partly supported, needs context", "True in part, or only for some people.", 4),
    ("I", "Not enough evidence", "Too little research to say either way.", 3),
    ("N", "Not supported", "No good evidence for it.", 2),
    ("C", "Contradicted", "Good evidence says the opposite.", 1),
]


def make_verdict(code: str = "N") -> Verdict:
    for order, (vcode, label, definition, rating) in enumerate(VERDICTS):
        if vcode == code:
            verdict, _ = Verdict.objects.get_or_create(
                code=code,
                defaults={"label": label, "definition": definition, "rating_value": rating,
                          "order": order},
            )
            return verdict
    raise ValueError(code)


def make_verdicts() -> list[Verdict]:
    return [make_verdict(code) for code, *_ in VERDICTS]


def make_topic(**overrides) -> Topic:
    n = next(_counter)
    fields = {
        "slug": f"topic-{n}",
        "title": f"Topic {n}",
        "summary": "A plain summary of the topic.",
        "intro_md": "Some claims people share.",
        "what_to_do_md": "Talk to your **MS team**.",
        "is_published": True,
        "order": n,
    }
    fields.update(overrides)
    return Topic.objects.create(**fields)


def make_claim(**overrides) -> Claim:
    n = next(_counter)
    topic = overrides.pop("topic", None) or make_topic()
    verdict = overrides.pop("verdict", None) or make_verdict("N")
    fields = {
        "topic": topic,
        "number": n,
        "slug": f"claim-{n}",
        "text": f"Claim number {n} about a remedy.",
        "short_wording": f"Remedy {n} helps MS",
        "verdict": verdict,
        "verdict_reason": f"No good study shows remedy {n} helps.",
        "patient_summary_md": f"Patient summary {n}: there is no good evidence.",
        "clinician_summary_md": f"Clinician summary {n}: no RCT data.",
        "what_to_do_md": "Ask your MS team before you try it.",
        "state": ReviewState.APPROVED,
        "first_published": datetime.date(2025, 1, 15),
        "last_reviewed": datetime.date(2025, 2, 1),
        "next_review_due": datetime.date(2026, 2, 1),
    }
    fields.update(overrides)
    return Claim.objects.create(**fields)


def make_source(**overrides) -> Source:
    n = next(_counter)
    fields = {
        "key": f"source-{n}",
        "short_name": f"Author {n} et al.",
        "source_type": SourceType.OBSERVATIONAL,
        "citation": f"Author A, et al. A study number {n}. J Test. 2020;1:1-10.",
        "year": 2020,
        "doi": f"10.1000/test.{n}",
        "pmid": f"{10000000 + n}",
        "citation_verified": True,
    }
    fields.update(overrides)
    return Source.objects.create(**fields)


def make_grading_scheme(**overrides) -> GradingScheme:
    n = next(_counter)
    fields = {"slug": f"scheme-{n}", "name": f"Scheme {n}",
              "plain_summary": "How this group grades advice."}
    fields.update(overrides)
    return GradingScheme.objects.create(**fields)


def make_grade(**overrides) -> Grade:
    n = next(_counter)
    scheme = overrides.pop("scheme", None) or make_grading_scheme()
    fields = {"scheme": scheme, "code": f"G{n}", "label": f"Grade {n}",
              "plain_meaning": "Experts agree, but there are few studies."}
    fields.update(overrides)
    return Grade.objects.create(**fields)


def make_evidence(claim: Claim, **overrides) -> Evidence:
    fields = {
        "claim": claim,
        "source": overrides.pop("source", None) or make_source(),
        "direction": Evidence.Direction.CONTRADICTS,
        "finding": "The study found no benefit.",
        "seen_as": "source",
    }
    fields.update(overrides)
    return Evidence.objects.create(**fields)


def make_origin(**overrides) -> Origin:
    n = next(_counter)
    fields = {"key": f"origin-{n}", "name": f"Supplement blog {n}", "kind": Origin.Kind.BLOG}
    fields.update(overrides)
    return Origin.objects.create(**fields)


def add_origin(claim: Claim, origin: Origin | None = None, **overrides) -> ClaimOrigin:
    return ClaimOrigin.objects.create(claim=claim, origin=origin or make_origin(), **overrides)


def make_citation_check(origin: Origin, **overrides) -> CitationCheck:
    fields = {
        "origin": origin,
        "cited_as": "Smith J. A great study. Lancet 1999",
        "status": CitationCheck.Status.WRONG_DETAILS,
        "finding": "The study exists but is in another journal.",
    }
    fields.update(overrides)
    return CitationCheck.objects.create(**fields)


def make_dose_check(claim: Claim, references: int = 1, **overrides) -> DoseCheck:
    fields = {"claim": claim, "claimed_amount": "1,000 to 5,000 mcg a day",
              "explanation_md": "The claim's amount is higher than the treatment amount."}
    fields.update(overrides)
    dose_check = DoseCheck.objects.create(**fields)
    for _ in range(references):
        n = next(_counter)
        dose_check.references.add(
            DoseReference.objects.create(
                key=f"dose-ref-{n}", label=f"Reference amount {n}", amount="1 mg a day",
                explanation="Used to treat a diagnosed lack of B12.", source=make_source(),
            )
        )
    return dose_check


def make_verdict_change(claim: Claim, **overrides) -> VerdictChange:
    fields = {
        "claim": claim,
        "changed_on": datetime.date(2025, 3, 1),
        "from_verdict": make_verdict("I"),
        "to_verdict": claim.verdict,
        "reason": "A new trial was published.",
    }
    fields.update(overrides)
    return VerdictChange.objects.create(**fields)


# --- the editorial workflow ------------------------------------------------------------------


def make_guideline(**overrides) -> Source:
    n = next(_counter)
    fields = {"key": f"guideline-{n}", "short_name": f"Guideline {n}",
              "source_type": SourceType.GUIDELINE, "citation": f"Guideline {n}. 2020.",
              "year": 2020, "doi": f"10.1000/guide.{n}", "pmid": "12345678"}
    fields.update(overrides)
    return Source.objects.create(**fields)


def make_guideline_evidence(claim: Claim, **overrides) -> Evidence:
    fields = {"claim": claim, "source": overrides.pop("source", None) or make_guideline(),
              "direction": Evidence.Direction.CONTRADICTS,
              "finding": "Guidelines do not recommend it."}
    fields.update(overrides)
    return Evidence.objects.create(**fields)


def make_draft_claim(*, state=ReviewState.DRAFT, author=None, evidence=True, **overrides) -> Claim:
    """A claim in `state` that passes the checks before submission (unless overrides break
    them), with one guideline as evidence unless evidence=False."""
    n = next(_counter)
    fields = {
        "topic": overrides.pop("topic", None) or make_topic(),
        "number": n,
        "slug": f"claim-{n}",
        "text": f"Vitamin pills cure MS ({n}).",
        "short_wording": f"Vitamin pills cure MS ({n})",
        "verdict": make_verdict("N"),
        "verdict_reason": "No good trials show this.",
        "patient_summary_md": "There is **no good evidence** that pills cure MS.",
        "clinician_summary_md": "No RCT evidence.",
        "what_to_do_md": "Talk to your MS team.",
        "state": state,
        "author": author,
        "last_edited_by": author,
    }
    if state in (ReviewState.APPROVED, ReviewState.UNDER_REVIEW, ReviewState.NEEDS_REREVIEW):
        today = datetime.date.today()
        fields.update(first_published=today - datetime.timedelta(days=400),
                      last_reviewed=today - datetime.timedelta(days=30),
                      next_review_due=today + datetime.timedelta(days=335))
        if state == ReviewState.NEEDS_REREVIEW:
            fields["next_review_due"] = today - datetime.timedelta(days=1)
    fields.update(overrides)
    claim = Claim.objects.create(**fields)
    if evidence:
        make_guideline_evidence(claim)
    return claim


def make_reviewer_profile(user, **overrides) -> ReviewerProfile:
    """A complete profile (the reviewer may approve) unless overrides blank a field."""
    fields = {"name": f"Dr {user.get_username().title()}", "role": "Consultant neurologist",
              "registration": "GMC 1234567", "conflicts": "None declared"}
    fields.update(overrides)
    profile, _ = ReviewerProfile.objects.update_or_create(user=user, defaults=fields)
    return profile


# --- every kind of record, for export and import tests ----------------------------------------
# Editorial data beside the seed, so an export holds every kind of record. Runs after
# load_seed_content (in a subprocess building a SQLite database, or in a test): staff users,
# claims in every state, a pending and an applied revision, a verdict change, evidence checked
# against the original by a named reviewer (with a graded question), a reviewer's profile, a
# quoted origin with the references it relies on, dose words for patients and a
# clinicians-only reference, a reader's suggestion and audit entries, two of them at the same
# moment.

MOMENT = datetime.datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=datetime.UTC)


def populate_every_kind() -> None:
    User = get_user_model()
    editor = User.objects.create_user(
        "edith.editor", "edith@example.org", "correct horse battery", is_staff=True
    )
    reviewer = User.objects.create_user(
        "rita.reviewer", "rita@example.org", "correct horse battery", is_staff=True
    )
    verdicts = Verdict.objects.in_bulk(field_name="code")
    topic = Topic.objects.order_by("order", "slug").first()
    approved = topic.claims.order_by("number").first()
    approved.state = ReviewState.APPROVED
    approved.author = editor
    approved.last_edited_by = editor
    approved.reviewed_by = reviewer
    approved.first_published = datetime.date(2025, 1, 15)
    approved.last_reviewed = datetime.date(2025, 2, 1)
    approved.next_review_due = datetime.date(2026, 2, 1)
    approved.save()

    VerdictChange.objects.create(
        claim=approved, changed_on=datetime.date(2025, 2, 1), from_verdict=verdicts["I"],
        to_verdict=approved.verdict, reason="A systematic review was published.",
    )
    ClaimRevision.objects.create(
        claim=approved, state=ClaimRevision.State.APPLIED, closed_at=MOMENT, author=editor,
        data={"text": "An older wording.", "topic": topic.pk, "verdict": approved.verdict_id},
    )
    ClaimRevision.objects.create(
        claim=approved, author=editor, last_edited_by=editor,
        verdict_change_reason="New trial results.",
        data={"text": "Proposed wording, not yet approved ✓", "topic": topic.pk,
              "verdict": verdicts["S"].pk, "number": approved.number},
    )
    evidence = approved.evidence.order_by("order", "pk").first()
    evidence.verified = True
    evidence.verified_by = reviewer
    evidence.verified_at = MOMENT
    evidence.seen_as = "summary"
    evidence.grade = Grade.objects.order_by("pk").first()
    evidence.grade_question = "B12 supplements to prevent MS ✓"
    evidence.grade_answers_claim = True
    evidence.save()
    ReviewerProfile.objects.update_or_create(user=reviewer, defaults=dict(
        name="Dr Rita Reviewer", role="Consultant neurologist",
        registration="GMC 1234567", conflicts="None declared",
    ))
    _origin_and_dose_fields(approved)

    number = max(topic.claims.values_list("number", flat=True)) + 1
    by_state = {}
    for offset, state in enumerate(
        [ReviewState.DRAFT, ReviewState.SUBMITTED, ReviewState.CHANGES_REQUESTED]
    ):
        by_state[state] = Claim.objects.create(
            topic=topic, number=number + offset, slug=f"sample-{state.replace('_', '-')}",
            text=f"Café naïve claim – {state.label}", short_wording=f"Sample {state.label}",
            verdict=verdicts["I"], verdict_reason="Too early to say.",
            patient_summary_md="**Not** yet written.", clinician_summary_md="Pending.",
            what_to_do_md="Ask your MS team.", state=state, author=editor,
            last_edited_by=editor,
        )
    hidden = Topic.objects.create(
        slug="sample-unpublished", title="Unpublished topic", summary="Not public yet.",
        intro_md="Draft *intro*.", is_published=False, order=99,
    )
    Claim.objects.create(
        topic=hidden, number=1, slug="sample-in-unpublished-topic", text="Hidden claim.",
        short_wording="Hidden claim", verdict=verdicts["N"], verdict_reason="No evidence.",
        patient_summary_md="Hidden.", clinician_summary_md="Hidden.", what_to_do_md="Wait.",
        state=ReviewState.APPROVED,
    )

    suggestion = Suggestion.objects.create(
        claim_text="B12 patches cure MS fatigue", seen_at="https://example.com/post",
        email="reader@example.org", email_consent=True, status=Suggestion.Status.ACCEPTED,
        claim=by_state[ReviewState.DRAFT], triage_note="Drafted.", triaged_by=editor,
        triaged_at=MOMENT,
    )
    entries = [
        AuditEntry(claim=approved, subject=str(approved)[:200], actor=reviewer,
                   actor_name=reviewer.username, action="approved",
                   from_state=ReviewState.UNDER_REVIEW, to_state=ReviewState.APPROVED),
        AuditEntry(suggestion=suggestion, subject=str(suggestion), actor=editor,
                   actor_name=editor.username, action="suggestion_accepted"),
        # Two entries at the same moment with the same action: ids "~2" tells them apart.
        AuditEntry(claim=approved, subject=str(approved)[:200], actor_name="system",
                   action="marked_overdue", comment="First."),
        AuditEntry(claim=by_state[ReviewState.SUBMITTED], subject="Submitted claim",
                   actor_name="system", action="marked_overdue", comment="Second."),
    ]
    for entry in entries:
        entry.save()
    AuditEntry.objects.filter(action="marked_overdue").update(created_at=MOMENT)


def _origin_and_dose_fields(claim: Claim) -> None:
    link = claim.claim_origins.order_by("pk").first()
    check = link.origin.citation_checks.order_by("pk").first() or CitationCheck.objects.create(
        origin=link.origin, cited_as="Smith J. 2001", status=CitationCheck.Status.NOT_FOUND,
        finding="No such paper exists.",
    )
    link.quote = "B12 “reverses” MS."
    link.wording = "It says B12 reverses MS."
    link.save()
    link.relies_on.set([check])
    dose = DoseCheck.objects.order_by("pk").first()
    dose.patient_comparison = "Hundreds of times what an adult needs each day."
    dose.save()
    DoseReference.objects.filter(pk=dose.references.order_by("pk").first().pk).update(
        country="UK", clinician_only=True
    )
