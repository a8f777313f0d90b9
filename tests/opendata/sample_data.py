"""Editorial data beside the seed, so an export holds every kind of record.

Runs after load_seed_content (in a subprocess building a SQLite database, or in a test):
staff users, claims in every state, a pending and an applied revision, a verdict change,
evidence checked against the original by a named reviewer (with a graded question), a
reviewer's profile, a quoted origin with the references it relies on, dose words for patients
and a clinicians-only reference, a reader's suggestion and audit entries, two of them at the
same moment.
"""

import datetime

from django.contrib.auth import get_user_model

from claims.models import (
    CitationCheck,
    Claim,
    ClaimRevision,
    DoseCheck,
    DoseReference,
    Grade,
    ReviewerProfile,
    ReviewState,
    Topic,
    Verdict,
    VerdictChange,
)
from editorial.models import AuditEntry, Suggestion

MOMENT = datetime.datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=datetime.UTC)


def populate() -> None:
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
