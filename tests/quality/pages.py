"""Every public page and result state that the quality checks visit."""

CLAIM = "/claims/sublingual-b12-absorbs-better/"
TOPIC = "/topics/vitamin-b12-and-ms/"

# (name, path): pages reached by a plain link.
PUBLIC_PAGES = [
    ("home", "/"),
    ("topic", TOPIC),
    ("topic-clinician", TOPIC + "?audience=clinician"),
    ("claim", CLAIM),
    ("claim-clinician", CLAIM + "?audience=clinician"),
    ("claim-with-dose-check", "/claims/high-dose-methylcobalamin-for-ms/"),
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
]
