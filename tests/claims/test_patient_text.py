"""What a patient reads on every public page: no dose to copy, no internal codes or words.

Both tests read every public page of the seeded site in the patient view (the default), the
way a reader meets it, and fail naming the page and the words found.
"""

import re
from html.parser import HTMLParser

import pytest

from assessments.models import Symptom
from claims.models import Claim, Grade, Origin, Source, Topic

# A number followed by a unit a dose is given in. "1,000-5,000 mcg", "1 mg", "400 IU".
DOSE = re.compile(
    r"\d[\d,.]*(?:\s*(?:-|to|–)\s*\d[\d,.]*)?\s*(?:mcg|micrograms?|µg|mg|milligrams?|IU)\b",
    re.IGNORECASE,
)
# Food-content figures: an amount in a food, per 100 g (the food-table claim).
FOOD_FIGURE = re.compile(r"per 100\s*g|in 100\s*g|/\s*100\s*g", re.IGNORECASE)

# Words and codes of our own workshop that a reader should never meet.
INTERNAL_WORDS = re.compile(
    r"evidence brief|general knowledge|\bseed\b|\[S2?\]|\[K\]"
    r"|grades grades|\ba (?:[AEIOU][a-z]+)\b(?= B12)",  # doubled words, "a Active B12"
)


def internal_codes() -> set[str]:
    """Our stored codes and keys (grade codes such as do-not-offer, source and origin keys,
    claim slugs): they belong in addresses and the admin, never in words a reader sees."""
    codes = {code for code in Grade.objects.values_list("code", flat=True) if len(code) > 2}
    codes |= set(Source.objects.values_list("key", flat=True))
    codes |= set(Origin.objects.values_list("key", flat=True))
    codes |= set(Claim.objects.values_list("slug", flat=True))
    return codes


def internal_words_in(text: str, codes: set[str]) -> list[str]:
    found = INTERNAL_WORDS.findall(text)
    tokens = set(re.findall(r"[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]", text))
    return found + sorted(code for code in codes if code in tokens and "-" in code
                          or f"({code})" in text)

# Elements whose words are not ours to change: the claim as people meet it and what an
# origin really wrote (quoted), and the adult daily need from food, which names its country.
SKIP_TAGS = {"script", "style", "q", "title"}
SKIP_ATTRS = {"data-quoted-claim", "data-daily-need"}
SKIP_CLASSES = {"claim-text"}


class _PatientText(HTMLParser):
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"}

    def __init__(self):
        super().__init__()
        self.skipping = []  # stack of booleans, one per open element
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        names = dict(attrs)
        classes = set((names.get("class") or "").split())
        skip = (tag in SKIP_TAGS or SKIP_ATTRS & names.keys() or SKIP_CLASSES & classes)
        self.skipping.append(bool(skip) or (bool(self.skipping) and self.skipping[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.skipping:
            self.skipping.pop()

    def handle_data(self, data):
        if not (self.skipping and self.skipping[-1]):
            self.parts.append(data)


def patient_text(html: str) -> str:
    parser = _PatientText()
    parser.feed(html.split("<body", 1)[1])
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def public_pages() -> list[str]:
    pages = ["/", "/search/?q=b12+injections", "/search/?q=methylcobalamin",
             "/about/evidence/", "/about/editorial-policy/", "/about/corrections/",
             "/about/disclaimer/", "/about/", "/about/privacy/", "/explorer/",
             "/explorer/results/", "/suggest/"]
    for topic in Topic.objects.filter(is_published=True):
        pages += [f"/topics/{topic.slug}/", f"/topics/{topic.slug}/handout/"]
    for claim in Claim.objects.public():
        pages += [f"/claims/{claim.slug}/", f"/claims/{claim.slug}/handout/"]
    pages += [f"/origins/{key}/" for key in Origin.objects.values_list("key", flat=True)]
    return pages


def _explorer_result(client) -> str:
    ticked = list(Symptom.objects.values_list("slug", flat=True))
    return client.post("/explorer/", {"symptom": ticked}).content.decode()


def _dose_numbers(text: str) -> list[str]:
    found = []
    for match in DOSE.finditer(text):
        after = text[match.end():match.end() + 20]
        if not FOOD_FIGURE.match(after.strip()):
            found.append(match.group())
    return found


@pytest.mark.django_db
def test_no_patient_page_names_a_dose(client, seed_content):
    problems = []
    for path in public_pages():
        response = client.get(path)
        if response.status_code == 404:  # an origin no public claim names
            continue
        assert response.status_code == 200, path
        if found := _dose_numbers(patient_text(response.content.decode())):
            problems.append(f"{path}: {found}")
    if found := _dose_numbers(patient_text(_explorer_result(client))):
        problems.append(f"explorer result: {found}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_no_public_page_shows_internal_codes_or_words(client, seed_content):
    problems = []
    codes = internal_codes()
    for path in [*public_pages(), *(p + "?audience=clinician" for p in public_pages()
                                     if p.startswith("/claims/") and "handout" not in p)]:
        response = client.get(path)
        if response.status_code == 404:
            continue
        body = response.content.decode().split("<body", 1)[1]
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))
        text = re.sub(r"\S*/\S*", " ", text)  # printed addresses name slugs, rightly
        if found := internal_words_in(text, codes):
            problems.append(f"{path}: {sorted(set(found))}")
    for name, html in [
        ("explorer result", _explorer_result(client)),
        ("active B12 result", client.post(
            "/explorer/results/", {"test": "active", "value": "50", "unit": "pmol/L"}
        ).content.decode()),
    ]:
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.split("<body", 1)[1]))
        if found := internal_words_in(text, codes):
            problems.append(f"{name}: {sorted(set(found))}")
    assert not problems, "\n".join(problems)


def test_the_checks_catch_what_they_are_for():
    # The oracles themselves: each catches its finding and lets the allowed forms through.
    assert _dose_numbers(patient_text(
        "<body><p>Oral treatment: 1 mg (1,000 mcg) a day</p></body>")) == ["1 mg", "1,000 mcg"]
    assert _dose_numbers(patient_text(
        '<body><p class="claim-text">Take 5,000 mcg</p><q>1,000-5,000 mcg daily</q>'
        "<p>Beef liver: 70-85 mcg per 100 g</p>"
        "<p data-daily-need>Daily need in the UK: 1.5 micrograms</p></body>")) == []
    assert internal_words_in("Grade: NICE Do not offer (do-not-offer)", {"do-not-offer"})
    assert internal_words_in("Seen in nice-ng239", {"nice-ng239"})
    assert not internal_words_in("Li et al. 2020 (meta-analysis)", {"do-not-offer"})
    assert INTERNAL_WORDS.search("About ESPEN recommendation grades grades")
    assert INTERNAL_WORDS.search("Ask for a Active B12 test")
    assert INTERNAL_WORDS.search("this point is from general knowledge")
    assert not INTERNAL_WORDS.search("Ask for an active B12 test (holotranscobalamin)")
