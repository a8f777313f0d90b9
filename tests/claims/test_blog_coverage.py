"""Nothing the blog says is lost: each of its statements is a claim, or is named by one.

Each row: the blog's statement, the claim that covers it, words of the blog the claim's origin
quote or our wording names, and words showing the claim's verdict or summary answers it.
"""

import pytest
from django.core.management import call_command

from claims.models import Claim

BLOG = "supplement-blog-ms-b12"  # the origin key of the blog the claims come from

COVERAGE = [
    (
        "cyanocobalamin 1,000–2,000 mcg daily (dose table)",
        "cyanocobalamin-is-less-bioactive", "1,000–2,000 mcg daily", "daily amount",
    ),
    (
        "anyone with low or borderline B12 should supplement",
        "who-should-take-b12", "anyone with low or borderline b12", "low or borderline",
    ),
    ("vegetarians should supplement", "who-should-take-b12", "vegetarians", "vegetarians"),
    (
        "those with digestive issues should supplement",
        "who-should-take-b12", "digestive issues", "gut problems",
    ),
    (
        "anyone with raised homocysteine or MMA should supplement",
        "who-should-take-b12", "elevated homocysteine or mma", "homocysteine or mma",
    ),
    (
        "patients misdiagnosed with MS until B12 therapy helped",
        "b12-deficiency-can-mimic-ms", "misdiagnosed with ms", "mistaken",
    ),
    (
        "a silent deficiency can mimic a flare or delay healing",
        "b12-deficiency-may-worsen-ms", "mimic a flare, or delay healing", "slows recovery",
    ),
    (
        "hydroxocobalamin is long-lasting",
        "weekly-hydroxocobalamin-injections", "long-lasting", "months apart",
    ),
    (
        "cyanocobalamin requires conversion in the liver",
        "methylcobalamin-is-the-brain-friendly-form", "requires conversion in the liver",
        "cyanocobalamin",
    ),
]


@pytest.fixture
def seeded(db):
    call_command("load_seed_content", verbosity=0)


def flat(text: str) -> str:
    return " ".join(text.split()).lower()


@pytest.mark.django_db
@pytest.mark.parametrize("statement, slug, named, answered", COVERAGE)
def test_blog_statement_is_covered_by_a_claim(seeded, statement, slug, named, answered):
    claim = Claim.objects.get(slug=slug)
    origin = claim.claim_origins.get(origin__key=BLOG)

    assert named.lower() in flat(f"{origin.quote} {origin.wording}"), statement
    assert answered in flat(f"{claim.verdict_reason} {claim.patient_summary_md}"), statement
