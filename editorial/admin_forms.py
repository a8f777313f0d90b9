"""Admin forms for every reviewed row: optimistic locking, the pending proposal, editor aids."""

import json

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse

from claims.limits import NOTE_MAX_CHARS
from claims.models import CitationCheck, Claim, ClaimOrigin, Evidence, Source
from editorial.models import ProposedChange
from editorial.services import changes
from editorial.services.claims import (
    EDITABLE_FIELDS,
    FOREIGN_KEY_FIELDS,
    claim_effective_values,
    claim_open_revision,
    source_problems,
)

PATIENT_MARKDOWN_FIELDS = ("patient_summary_md", "what_to_do_md")
MARKDOWN_FIELDS = ("patient_summary_md", "clinician_summary_md", "what_to_do_md")


class MarkdownPreviewWidget(forms.Textarea):
    """A textarea with a live preview under it (static/js/editorial-preview.js)."""

    template_name = "editorial/widgets/markdown_preview.html"

    def __init__(self, *args, patient_text=False, **kwargs):
        self.patient_text = patient_text
        super().__init__(*args, **kwargs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        attrs["data-preview-url"] = reverse("editorial:markdown_preview")
        attrs["data-preview-target"] = f"{attrs.get('id', name)}-preview"
        attrs["data-preview-field"] = name
        if self.patient_text:
            attrs["data-patient-text"] = "true"
        context["widget"]["preview_id"] = attrs["data-preview-target"]
        return context


def _display(field_name: str, value) -> str:
    if value in (None, ""):
        return "(empty)"
    field = Claim._meta.get_field(field_name)
    if field_name in FOREIGN_KEY_FIELDS:
        obj = field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj else str(value)
    text = str(value)
    return text if len(text) <= 300 else text[:297] + "..."


def claim_conflict_changes(base: dict, current: dict) -> list[tuple[str, str]]:
    """Fields the other person changed since `base`, with their new values for display."""
    changed = []
    for name in EDITABLE_FIELDS:
        if name in base and base[name] != current.get(name):
            label = str(Claim._meta.get_field(name).verbose_name).capitalize()
            changed.append((label, _display(name, current.get(name))))
    return changed


class ClaimAdminForm(forms.ModelForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    base_snapshot = forms.CharField(widget=forms.HiddenInput, required=False)
    verdict_change_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=NOTE_MAX_CHARS,
        help_text="Needed only when a published verdict changes: shown publicly in the "
        "corrections log.",
    )

    class Meta:
        model = Claim
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "patient_summary_md": MarkdownPreviewWidget(patient_text=True),
            "clinician_summary_md": MarkdownPreviewWidget(),
            "what_to_do_md": MarkdownPreviewWidget(patient_text=True),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version
            revision = getattr(self.instance, "open_revision", None)
            base = claim_effective_values(self.instance, None)
            self.fields["base_snapshot"].initial = json.dumps(base, default=str)
            if revision is not None:
                self.fields["verdict_change_reason"].initial = revision.verdict_change_reason

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        current_row = _row_for_update(Claim, self.instance.pk)
        expected = cleaned.get("expected_version")
        if expected is not None and expected != current_row.version:
            self._report_conflict(current_row)
        verdict = cleaned.get("verdict")
        published = current_row.is_public or current_row.first_published is not None
        if (
            published
            and verdict is not None
            and verdict.pk != current_row.verdict_id
            and not cleaned.get("verdict_change_reason", "").strip()
        ):
            self.add_error(
                "verdict_change_reason",
                "The published verdict changes: say why. The reason is shown publicly in the "
                "corrections log.",
            )
        return cleaned

    def _report_conflict(self, current_row: Claim) -> None:
        revision = claim_open_revision(current_row)
        current = claim_effective_values(current_row, revision)
        try:
            base = json.loads(self.data.get(self.add_prefix("base_snapshot")) or "{}")
        except ValueError:
            base = {}
        changes = claim_conflict_changes(base, json.loads(json.dumps(current, default=str)))
        who = (revision.last_edited_by if revision else None) or current_row.last_edited_by
        lines = [
            f"{who or 'Someone else'} saved this claim while you were editing it, so your "
            "changes were not saved."
        ]
        if changes:
            lines.append("They changed: " + "; ".join(f"{k}: “{v}”" for k, v in changes) + ".")
        else:
            lines.append("They changed no text, only its review state.")
        lines.append(
            "Your text is still in the form. Compare it with theirs, then save again to keep "
            "your version."
        )
        # The next save is a deliberate choice made after seeing their changes.
        data = self.data.copy()
        data[self.add_prefix("expected_version")] = str(current_row.version)
        data[self.add_prefix("base_snapshot")] = json.dumps(current, default=str)
        self.data = data
        self.add_error(None, " ".join(lines))


def _row_for_update(model, pk):
    """The row, locked until the save commits when the admin's transaction is open.

    Two editors saving at once then take turns: the second sees the first one's change and is
    told about it, instead of overwriting it or failing."""
    rows = model.objects.all()
    if connection.in_atomic_block:
        rows = rows.select_for_update()
    return rows.get(pk=pk)


# Where ReviewedInlineFormSet leaves each row's pending change (or None) for its form.
PENDING_CHANGE_ATTR = "_pending_change_looked_up"


def _pending_changes_by_row(model, rows) -> dict:
    """Each row's latest pending proposed change, for all the rows in one query."""
    pks = [row.pk for row in rows]
    pending = ProposedChange.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=pks,
        state=ProposedChange.State.PENDING,
    ).select_related("last_edited_by").order_by("-updated_at", "-id")
    latest = {}
    for change in pending:
        latest.setdefault(change.object_id, change)
    return latest


class ReviewedInlineFormSet(forms.BaseInlineFormSet):
    """Inline rows: their pending proposed changes are looked up once, not once a row."""

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            rows = super().get_queryset()
            pending = _pending_changes_by_row(self.model, rows)
            for row in rows:  # evaluates the queryset once: the forms share its rows
                setattr(row, PENDING_CHANGE_ATTR, pending.get(row.pk))
        return self._queryset


class SelectedRowAutocomplete(AutocompleteSelect):
    """An autocomplete that labels its chosen row from the row the form already holds.

    The admin's own widget looks the chosen row up again for every inline row; the form sets
    `known` ({pk: label}) when its instance has the related row loaded."""

    known: dict = {}

    def optgroups(self, name, value, attr=None):
        chosen = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if not chosen or not chosen <= self.known.keys():
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for pk in sorted(chosen):
            options.append(self.create_option(name, pk, self.known[pk], chosen, len(options)))
        return [(None, options, 0)]


class ReviewedRowForm(forms.ModelForm):
    """The form of every reviewed row other than a claim.

    It edits what the editor is working on (the approved row overlaid with its pending proposed
    change), and refuses a save made on a stale copy: the editor keeps their typed text and is
    told who changed what."""

    base_snapshot = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        pending_m2m = {}
        self.pending_change = None
        if instance is not None and instance.pk is not None:
            self.pending_change = (
                getattr(instance, PENDING_CHANGE_ATTR)
                if hasattr(instance, PENDING_CHANGE_ATTR)
                else changes.pending_change_for(instance)
            )
            if (
                self.pending_change is not None
                and self.pending_change.action == ProposedChange.Action.UPDATE
            ):
                pending_m2m = changes.apply_values(instance, self.pending_change.data)
        super().__init__(*args, **kwargs)
        for name, ids in pending_m2m.items():
            if name in self.fields:
                self.initial[name] = ids
        if self.instance.pk is not None:
            snapshot = changes.row_values(self.instance, m2m=pending_m2m or None)
            self.fields["base_snapshot"].initial = json.dumps(snapshot, sort_keys=True)

    def clean(self):
        cleaned = super().clean()
        raw = self.data.get(self.add_prefix("base_snapshot"))
        if self.instance.pk is None or not raw:
            return cleaned
        model = type(self.instance)
        current = changes.effective_values(_row_for_update(model, self.instance.pk))
        try:
            base = json.loads(raw)
        except ValueError:
            base = {}
        if base != current:
            self._report_conflict(model, base, current)
        return cleaned

    def _report_conflict(self, model, base: dict, current: dict) -> None:
        change = changes.pending_change_for(self.instance)
        who = change.last_edited_by if change is not None else None
        if who is None and hasattr(model, "history"):
            latest = model.history.filter(id=self.instance.pk).order_by("-history_id").first()
            who = getattr(latest, "history_user", None)
        labels = []
        for name in sorted(set(base) | set(current)):
            if base.get(name) != current.get(name):
                try:
                    labels.append(str(model._meta.get_field(name).verbose_name))
                except Exception:  # noqa: BLE001 - a field removed since: name it as stored
                    labels.append(name)
        self.add_error(
            None,
            f"{who or 'Someone else'} saved this {model._meta.verbose_name} while you were "
            f"editing it, so your changes were not saved. They changed: "
            f"{', '.join(labels) or 'its links'}. Your text is still in the form: compare it "
            "with theirs (open the page in a new tab), then save again to keep your version.",
        )
        # The next save is a deliberate choice made after seeing their changes.
        data = self.data.copy()
        data[self.add_prefix("base_snapshot")] = json.dumps(current, sort_keys=True)
        self.data = data


# No "verified": only a medical reviewer's action sets the original-document check
# (editorial.services.evidence), so no editor's form can carry it.
EVIDENCE_FORM_FIELDS = [
    "claim", "source", "direction", "finding", "clinician_finding", "seen_as", "grade",
    "grade_question", "grade_answers_claim", "grade_note", "verification_note", "order",
]


class EvidenceAdminForm(ReviewedRowForm):
    """Model validation (Evidence.clean: a grade needs its question) runs in _post_clean and
    shows beside the field."""

    class Meta:
        model = Evidence
        fields = EVIDENCE_FORM_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = getattr(self.fields.get("source"), "widget", None)
        widget = getattr(widget, "widget", widget)  # inside the admin's related-field wrapper
        if isinstance(widget, SelectedRowAutocomplete) and Evidence.source.is_cached(
            self.instance
        ):
            source = self.instance.source
            widget.known = {str(source.pk): self.fields["source"].label_from_instance(source)}


class ClaimOriginAdminForm(ReviewedRowForm):
    """Quoted and paraphrased wording, and the origin's own references the claim rests on:
    only references of the chosen origin."""

    class Meta:
        model = ClaimOrigin
        fields = ["origin", "quote", "wording", "relies_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("relies_on")
        if field is None:
            return
        origin_id = self._chosen_origin_id()
        checks = CitationCheck.objects.select_related("origin").order_by("origin__name", "order")
        field.queryset = checks.filter(origin_id=origin_id) if origin_id else checks
        field.label_from_instance = lambda check: f"{check.origin.name}: {check.cited_as}"
        field.help_text = (
            "The origin's own references this claim rests on (only the chosen origin's). "
            "Save the origin first to see just its references."
        )

    def _chosen_origin_id(self):
        raw = self.data.get(self.add_prefix("origin")) if self.is_bound else None
        if raw:
            return raw if str(raw).isdigit() else None
        return self.instance.origin_id

    def clean(self):
        cleaned = super().clean()
        origin = cleaned.get("origin")
        strangers = [
            check for check in cleaned.get("relies_on") or []
            if origin is not None and check.origin_id != origin.pk
        ]
        if strangers:
            self.add_error(
                "relies_on",
                f"Only references given by {origin} can be chosen; not: "
                + "; ".join(check.cited_as[:80] for check in strangers) + ".",
            )
        return cleaned


class SourceAdminForm(ReviewedRowForm):
    url = forms.URLField(label="URL", max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Source
        fields = [
            "key", "short_name", "source_type", "citation", "year", "doi", "pmid", "url",
            "citation_verified", "citation_note", "integrity", "integrity_note",
            "integrity_citation",
        ]

    def clean(self):
        cleaned = super().clean()
        # A notice needs plain words for patients; words without a notice would show nothing.
        if cleaned.get("integrity") and not (cleaned.get("integrity_note") or "").strip():
            self.add_error("integrity_note", "Say in plain words what is known about this "
                           "notice, and what was not seen: patients read it beside the source.")
        if not cleaned.get("integrity") and any(
            (cleaned.get(name) or "").strip() for name in ("integrity_note", "integrity_citation")
        ):
            self.add_error("integrity", "Choose the kind of notice, or clear its words: "
                           "without a kind, nothing is shown.")
        candidate = Source(
            doi=cleaned.get("doi") or "", pmid=cleaned.get("pmid") or "",
            year=cleaned.get("year"), short_name=cleaned.get("short_name") or "This source",
        )
        for problem in source_problems(candidate):
            self.add_error(None, problem)
        return cleaned
