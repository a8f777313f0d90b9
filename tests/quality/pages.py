"""Every public page and result state that the quality checks visit."""

CLAIM = "/claims/sublingual-b12-absorbs-better/"
TOPIC = "/topics/vitamin-b12-and-ms/"
STACK_TOPIC = "/topics/supplement-stack/"

# (name, path): pages reached by a plain link.
PUBLIC_PAGES = [
    ("home", "/"),
    ("topic", TOPIC),
    ("topic-clinician", TOPIC + "?audience=clinician"),
    ("claim", CLAIM),
    ("claim-clinician", CLAIM + "?audience=clinician"),
    ("claim-with-dose-check", "/claims/high-dose-methylcobalamin-for-ms/"),
    ("claim-with-dose-check-clinician",
     "/claims/high-dose-methylcobalamin-for-ms/?audience=clinician"),
    ("topic-one-verdict", TOPIC + "?verdict=n"),
    ("origin", "/origins/supplement-blog-ms-b12/"),
    ("about", "/about/"),
    ("privacy", "/about/privacy/"),
    ("search-empty", "/search/"),
    ("search-results", "/search/?q=sublingual+b12"),
    ("search-no-results", "/search/?q=zzqxv+wibble"),
    ("evidence-scale", "/about/evidence/"),
    ("editorial-policy", "/about/editorial-policy/"),
    ("corrections", "/about/corrections/"),
    ("disclaimer", "/about/disclaimer/"),
    ("explorer", "/explorer/"),
    ("result-explainer", "/explorer/results/"),
    ("appointment-sheet-empty", "/explorer/appointment-sheet/"),
    ("suggest", "/suggest/"),
    ("not-found", "/claims/no-such-claim/"),
    ("claim-handout", CLAIM + "handout/"),
    ("topic-handout", TOPIC + "handout/"),
    ("check-text", "/check/"),
    # The second topic: a verdict for a narrower group, and sources with integrity notices.
    ("stack-topic", STACK_TOPIC),
    ("stack-claim-population", "/claims/vitamin-d-treats-ms/"),
    ("stack-claim-retraction", "/claims/probiotics-improve-ms/"),
    ("stack-claim-retraction-clinician", "/claims/probiotics-improve-ms/?audience=clinician"),
    ("stack-topic-handout", STACK_TOPIC + "handout/"),
]

# (name, form data): result explainer states. A GET never shows a result, so these are POSTed;
# tests/assessments/test_result_explainer.py runs axe, the reflow check and the validator on each.
EXPLAINER_STATES = [
    ("explainer-band", {"test": "total", "value": "250", "unit": "pg/mL"}),
    ("explainer-below-sign", {"test": "total", "value": "<150", "unit": "ng/L"}),
    ("explainer-cannot-place", {"test": "total", "value": "<200", "unit": "ng/L"}),
    ("explainer-high", {"test": "total", "value": ">2000", "unit": "pg/mL"}),
    ("explainer-comma-active", {"test": "active", "value": "61,5", "unit": "pmol/L"}),
    ("explainer-check-unit", {"test": "active", "value": "50", "unit": "pg/mL"}),
    ("explainer-check-test", {"test": "total", "value": "20", "unit": "pmol/L"}),
    ("explainer-errors", {"test": "total", "value": "1,250"}),
]

# (name, path, form data): the explorer's result states since issue 13 (care cards, the
# mental-health fold, "how soon", the MS-diagnosis wording) and the appointment sheet's.
# tests/assessments/test_explorer_quality.py runs the validator, axe and the reflow check on
# each, submitted without JavaScript, and axe on the cards htmx shows under the boxes.
EXPLORER_STATES = [
    ("explorer-emergency", "/explorer/",
     {"flag": ["stroke-signs", "sudden-vision-loss"], "symptom": ["fatigue"]}),
    ("explorer-mental-health", "/explorer/",
     {"flag": ["suicidal-thoughts"], "symptom": ["low-mood", "anxiety"]}),
    ("explorer-same-day-symptom-with-ms", "/explorer/",
     {"symptom": ["painful-vision-one-eye", "came-and-went"], "ms": ["yes"]}),
    ("explorer-every-card", "/explorer/",
     {"flag": ["chest-pain-breathless", "suicidal-thoughts", "walking-worse-fast"],
      "symptom": ["double-vision"]}),
    ("explorer-soon", "/explorer/",
     {"flag": ["new-or-worse-symptoms"], "symptom": ["bladder-problems", "sore-red-tongue"]}),
    ("sheet-mental-health", "/explorer/appointment-sheet/",
     {"flag": ["suicidal-thoughts"], "symptom": ["fatigue"]}),
    ("sheet-every-card-with-ms", "/explorer/appointment-sheet/",
     {"flag": ["stroke-signs", "suicidal-thoughts", "spreading-weakness"],
      "symptom": ["pins-and-needles"], "ms": ["yes"]}),
]
