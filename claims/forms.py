"""Forms of the public claim pages: the "Check a text" box."""

import re

from django import forms

CHECK_TEXT_MAX_CHARS = 10_000

# Control characters a paste can carry (NUL and the like), but not tabs or line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

MSG_EMPTY = "Paste the text you want to check into the box."


def too_long_message(length: int) -> str:
    return (
        f"Your text has {length:,} characters. We can check up to "
        f"{CHECK_TEXT_MAX_CHARS:,} at a time. Remove some of it, or check it in two parts."
    )


class PastedTextField(forms.CharField):
    """Text as a reader pasted it: line breaks as one character each, control characters
    dropped, so the length counted is the length they see."""

    def to_python(self, value):
        value = super().to_python(value)
        return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


class CheckTextForm(forms.Form):
    # No maxlength in the page: a browser would cut a long paste short without a word, and
    # the reader would think the whole text was checked. The server counts and says so.
    text = PastedTextField(
        label="Paste a post, message or shop page",
        help_text="We don't keep it. Up to 10,000 characters.",
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        error_messages={"required": MSG_EMPTY},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe()

    def full_clean(self):
        super().full_clean()
        self._describe()

    def _describe(self):
        """Tie the hint, and the error if there is one, to the box for screen readers."""
        attrs = self.fields["text"].widget.attrs
        ids = ["text-hint"]
        if self.is_bound and hasattr(self, "cleaned_data") and "text" in self.errors:
            ids.append("text-error")
            attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = " ".join(ids)

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text) > CHECK_TEXT_MAX_CHARS:
            raise forms.ValidationError(too_long_message(len(text)), code="too_long")
        return text
