"""The public 'Ask us to check a claim' form, and the admin's triage forms."""

import re

from django import forms
from django.core.validators import URLValidator

from claims.models import Claim, Topic

# Any tag-like text: "<b>", "</p>", "<script", "<!--", "<?php".
_TAG_RE = re.compile(r"<\s*[/!?]?\s*[a-zA-Z]")
PLAIN_TEXT_ERROR = "Write the claim as plain words, without HTML, code or scripts."


def _reject_markup(value: str) -> str:
    if _TAG_RE.search(value) or "javascript:" in value.lower():
        raise forms.ValidationError(PLAIN_TEXT_ERROR)
    return value


class SuggestionForm(forms.Form):
    claim_text = forms.CharField(
        label="The claim you would like us to check",
        help_text="Write it the way you saw it. Up to 2,000 characters.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the claim you would like us to check."},
    )
    seen_at = forms.URLField(
        label="Where did you see it? (optional)",
        help_text="The web address, for example https://www.example.com/page",
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        # A text box, so a mistyped address can be shown back with its error (valid HTML).
        widget=forms.TextInput(attrs={"inputmode": "url", "spellcheck": "false"}),
        error_messages={"invalid": "Enter a web address like https://www.example.com/page"},
    )
    email = forms.EmailField(
        label="Your email address (optional)",
        help_text="Only if you would like a reply. We use it for nothing else.",
        required=False,
        max_length=254,
        error_messages={"invalid": "Enter an email address like name@example.com"},
    )
    email_consent = forms.BooleanField(
        label="You may email me a reply about this claim",
        required=False,
    )
    # A honeypot: hidden from people by CSS, filled in by bots that fill in every field.
    website = forms.CharField(label="Leave this field empty", required=False)

    ORDER = ("claim_text", "seen_at", "email", "email_consent")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self._describe()

    def _describe(self):
        """Tie hints and errors to their inputs for screen readers."""
        errors = self.errors if self.is_bound and hasattr(self, "cleaned_data") else {}
        for name, field in self.fields.items():
            ids = [f"{name}-hint"] if field.help_text else []
            if name in errors:
                ids.append(f"{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def full_clean(self):
        super().full_clean()
        self._describe()

    def clean_claim_text(self):
        value = self.cleaned_data["claim_text"].strip()
        if not value:
            raise forms.ValidationError("Enter the claim you would like us to check.")
        return _reject_markup(value)

    def clean_seen_at(self):
        return _reject_markup(self.cleaned_data["seen_at"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("email") and not cleaned.get("email_consent"):
            self.add_error(
                "email_consent",
                "Tick the box if we may email you a reply, or leave the email address empty.",
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def visible_fields_in_order(self):
        return [self[name] for name in self.ORDER]


class AcceptSuggestionForm(forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.order_by("order", "title"),
        help_text="The draft claim is made in this topic, with the undecided verdict.",
    )
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DuplicateSuggestionForm(forms.Form):
    claim = forms.ModelChoiceField(
        queryset=Claim.objects.select_related("topic").order_by("topic__order", "number"),
        label="Existing claim",
    )
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DeclineSuggestionForm(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
