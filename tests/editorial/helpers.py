"""Helpers for driving the claim admin over HTTP the way a browser would."""

from django.contrib.messages import get_messages
from django.urls import reverse

from editorial.services.claims import EDITABLE_FIELDS, FOREIGN_KEY_FIELDS


def claim_change_url(claim) -> str:
    return reverse("admin:claims_claim_change", args=[claim.pk])


def claim_form_data(claim, **overrides) -> dict:
    """The POST body of the claim change form with every field as it stands, plus overrides."""
    data = {}
    for name in EDITABLE_FIELDS:
        value = getattr(claim, f"{name}_id" if name in FOREIGN_KEY_FIELDS else name)
        data[name] = "" if value is None else value
    data.update(expected_version=claim.version, base_snapshot="", verdict_change_reason="")
    evidence = list(claim.evidence.order_by("order", "id"))
    data.update({
        "evidence-TOTAL_FORMS": len(evidence), "evidence-INITIAL_FORMS": len(evidence),
        "evidence-MIN_NUM_FORMS": 0, "evidence-MAX_NUM_FORMS": 1000,
        "claim_origins-TOTAL_FORMS": 0, "claim_origins-INITIAL_FORMS": 0,
        "claim_origins-MIN_NUM_FORMS": 0, "claim_origins-MAX_NUM_FORMS": 1000,
    })
    for i, item in enumerate(evidence):
        prefix = f"evidence-{i}-"
        data.update({
            f"{prefix}id": item.pk, f"{prefix}claim": claim.pk, f"{prefix}source": item.source_id,
            f"{prefix}direction": item.direction, f"{prefix}finding": item.finding,
            f"{prefix}clinician_finding": item.clinician_finding,
            f"{prefix}grade": item.grade_id or "", f"{prefix}grade_note": item.grade_note,
            f"{prefix}grade_question": item.grade_question, f"{prefix}seen_as": item.seen_as,
            f"{prefix}verification_note": item.verification_note, f"{prefix}order": item.order,
        })
        if item.grade_answers_claim:
            data[f"{prefix}grade_answers_claim"] = "on"
    data.update(overrides)
    return data


def workflow_url(claim, action: str) -> str:
    return reverse("admin:claims_claim_workflow", args=[claim.pk, action])


def messages_of(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
