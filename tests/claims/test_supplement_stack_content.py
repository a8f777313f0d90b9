"""The second topic, content/supplement-stack.json: faithful to its evidence brief, honest about
how each fact was seen, safe for patients to read, linked to the B12 topic, and loaded and
exported back unchanged."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from claims.models import Claim, Evidence, Integrity, ReviewState, SeenAs, Source
from editorial.readability import GRADE_LIMIT, reading_grade
from opendata.content import CONTENT_DIR, CONTENT_INDENT, content_documents
from opendata.document import kinds_in
from opendata.exporting import dump_document, export_document
from tests.content import content_records

TOPIC = "supplement-stack"
B12_TOPIC = "vitamin-b12-and-ms"
BLOG = "supplement-blog-ms-b12"
COMMUNITY = "ms-community-posts"

# The brief's claims table, in its order, with its verdict codes.
CLAIMS = [
    ("vitamin-d-treats-ms", "P"),
    ("vitamin-d-prevents-ms", "P"),
    ("vitamin-d-levels-high", "N"),
    ("morning-b12-helps-ms", "N"),
    ("omega-3-helps-ms", "N"),
    ("magnesium-helps-ms", "I"),
    ("lions-mane-repairs-myelin", "I"),
    ("curcumin-calms-ms", "N"),
    ("b-complex-supports-nerves", "N"),
    ("probiotics-improve-ms", "I"),
    ("high-dose-biotin-progressive-ms", "C"),
    ("swank-wahls-diet-treats-ms", "I"),
    ("daily-supplement-stack", "N"),
]
SLUG = {number: slug for number, (slug, _) in enumerate(CLAIMS, start=1)}
# Verdicts that hold for a narrower group than everyone with MS (D-Lay MS; "N unless deficient").
POPULATION = {1: "first episode", 4: "B12 level is normal"}

# The brief's sources table (../shared/content/evidence-brief-supplement-stack.md, outside the
# repository, so copied here): brief id -> (our source key, DOI, PMID, other identifiers the
# brief gives, which the printed citation must carry).
BRIEF_SOURCES = {
    "DLAY": ("dlay", "10.1001/jama.2025.1604", "40063041", ["PMC11894546"]),
    "SOLAR": ("solar", "10.1212/WNL.0000000000008445", "31594857", []),
    "CHOLINE": ("choline", "10.1212/NXI.0000000000000597", "", ["NCT01198132"]),
    # The DOI the brief gives is the design paper's; the results paper's is not given.
    "VIDAMS": ("vidams", "10.1016/j.cct.2014.10.004", "", ["NCT01490502", "101957"]),
    "EVIDIMS": ("evidims", "", "32047645", ["PMC6984434"]),
    "HAN21": ("han21", "10.4103/ijpvm.IJPVM_208_20", "34211673", []),
    "REV-SC": ("rev-sc", "", "", ["PMC6890630"]),
    "MUN06": ("mun06", "10.1001/jama.296.23.2832", "", []),
    "RHE16": ("rhe16", "10.1212/NXG.0000000000000097", "", []),
    "PGS": ("pgs", "", "", ["PMC9747144"]),
    "VITAL-AI": ("vital-ai", "", "35082139", ["e066452"]),
    "UKMS20": ("ukms20", "10.1371/journal.pone.0241459", "", ["PMC7773187"]),
    "OFAMS": ("ofams", "10.1001/archneurol.2012.283", "", []),
    "COCH-DIET": ("coch-diet", "", "", ["CD004192.pub4"]),
    "BDA15": ("bda15", "", "", []),
    "MS-SPI": ("ms-spi", "10.1177/1352458516667568", "27589059", ["PMC5098693"]),
    "SPI2": ("spi2", "10.1016/S1474-4422(20)30347-1", "33222767", []),
    "FDA-BIO": ("fda-biotin", "", "", []),  # the B12 topic's row, shared
    "CONTAIN": ("contain", "10.1016/j.msard.2021.103274", "", ["NCT01514370", "103274"]),
    "DILIN-T": ("dilin-t", "10.1016/j.amjmed.2022.09.026", "36252717", []),
    "LTX-T": ("ltx-t", "", "", []),
    "KOU17": ("kou17", "10.1016/j.clnu.2016.08.015", "27669638", []),
    "TAM17": ("tam17", "10.1080/07315724.2017.1347074", "28922099", []),
    "RW-AS": ("rw-as", "", "", []),
    "PRO90": ("pro90", "", "", []),
    "WAVES": ("waves", "", "", ["NCT02914964"]),
    "SPEL17": ("spel17", "10.14200/jrm.2017.6.0108", "", []),
    "MNT-LM": ("mnt-lm", "", "", []),
    "NHS-D": ("nhs-d", "", "", []),
    "EFSA-D": ("efsa-d", "10.2903/j.efsa.2023.8145", "37560437", []),
    "IOM11": ("iom11", "", "", []),
    "EFSA-B6": ("efsa-b6", "10.2903/j.efsa.2023.8006", "37207271", []),
    "UK-B6": ("uk-b6", "", "", ["HC 753"]),
    "NCCIH-O3": ("nccih-o3", "", "", []),
    "MG-UL": ("mg-ul", "", "", []),
    "EXAM-D": ("exam-d", "", "", []),
}
# BRIEF1 (the B12 brief, its claims 9, 13 and 16) is cited through the B12 topic's own sources.
BRIEF1_KEYS = {"mstrust-b12", "ods-b12"}
KEY = {brief_id: row[0] for brief_id, row in BRIEF_SOURCES.items()}
# The sources column of the brief's claims table (SEED000 is the origin, not a source).
CLAIM_SOURCES = {
    1: {"SOLAR", "CHOLINE", "EVIDIMS", "VIDAMS", "HAN21", "DLAY", "BDA15"},
    2: {"MUN06", "RHE16", "VITAL-AI", "DLAY"},
    3: {"REV-SC", "PGS", "VIDAMS", "EVIDIMS", "UKMS20", "EFSA-D", "IOM11"},
    4: set(),
    5: {"OFAMS", "VITAL-AI", "BDA15", "COCH-DIET"},
    6: {"MG-UL"},
    7: {"SPEL17", "MNT-LM"},
    8: {"CONTAIN", "DILIN-T", "LTX-T"},
    9: {"FDA-BIO", "EFSA-B6", "UK-B6"},
    10: {"KOU17", "TAM17", "RW-AS", "PRO90"},
    11: {"MS-SPI", "SPI2", "FDA-BIO"},
    12: {"WAVES", "BDA15"},
    13: set(),
}
# The brief's "Safety facts" and the pages they belong on: a claim may cite these besides its
# own sources.
SAFETY = {
    1: {"EFSA-D", "NHS-D"},
    2: {"NHS-D"},
    3: {"EFSA-D", "IOM11", "NHS-D", "EXAM-D", "NCCIH-O3"},
    5: {"NCCIH-O3"},
    6: {"MG-UL"},
    8: {"DILIN-T", "LTX-T"},
    9: {"FDA-BIO", "EFSA-B6", "UK-B6"},
    11: {"FDA-BIO"},
    13: {"NCCIH-O3", "FDA-BIO", "EXAM-D", "MG-UL"},
}
# ...and the plain warning each of those pages gives patients.
SAFETY_WORDS = {
    1: ["calcium"], 3: ["calcium", "fish liver oil"], 5: ["fish liver oil", "blood thinners"],
    6: ["kidneys"], 8: ["liver"], 9: ["blood test", "B6", "numbness"],
    11: ["blood test", "heart attacks", "thyroid"], 13: ["blood test", "fish liver oil"],
}

# How the brief marks each source's facts: [S] seen in the source, [S2] only in a summary.
SEEN_IN_SOURCE_ONLY = {
    "solar", "choline", "evidims", "han21", "rev-sc", "mun06", "rhe16", "pgs", "ukms20", "ofams",
    "bda15", "ms-spi", "dilin-t", "ltx-t", "kou17", "tam17", "pro90", "spel17", "efsa-d",
    "iom11", "efsa-b6", "uk-b6", "mstrust-b12", "ods-b12",
}
SEEN_IN_SUMMARY_ONLY = {
    # VIDAMS results and SPI2 results: the papers themselves not seen; the FDA notice and the
    # NHS page seen only as quoted.
    "vidams", "spi2", "fda-biotin", "rw-as", "mnt-lm", "nhs-d", "nccih-o3", "mg-ul", "exam-d",
}
# Sources with facts of both kinds: each row says which it carries, in order.
MIXED_ROWS = {
    ("vitamin-d-treats-ms", "dlay"): ["source", "summary"],  # abstract; CI, secondary outcomes
    ("vitamin-d-prevents-ms", "dlay"): ["source"],
    ("vitamin-d-prevents-ms", "vital-ai"): ["source"],  # the vitamin D arm
    ("omega-3-helps-ms", "vital-ai"): ["summary"],  # the omega-3 arm
    ("omega-3-helps-ms", "coch-diet"): ["source", "summary"],  # scope; the 2007 version
    ("curcumin-calms-ms", "contain"): ["summary", "source"],  # reposted abstract; registry
    ("swank-wahls-diet-treats-ms", "waves"): ["summary", "source"],  # abstract; registry
}
SEEN_IN_SOURCE = (
    "Seen in the published source. A medical reviewer has not yet checked it against the full "
    "original document."
)

# A number with a unit a dose is given in (grams too).
DOSE = re.compile(
    r"\d[\d,.]*(?:\s*(?:-|to|–)\s*\d[\d,.]*)?\s*(?:mcg|micrograms?|µg|μg|mg|milligrams?|IU|g)\b",
    re.IGNORECASE,
)
TRIALS = ("SOLAR", "CHOLINE", "EVIDIMS", "VIDAMS", "D-Lay MS", "OFAMS", "VITAL", "CONTAIN")
STOP_TREATMENT = re.compile(
    r"\bstop(?:ping)?\b[^.]*\b(?:treatment|medicine|medication|drug)s?\b", re.IGNORECASE
)
CLAIM_LINK = re.compile(r"\]\((/claims/([a-z0-9-]+)/)\)")
SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"
SEED_FILE = "000_6ba63f71083e4278.txt"


def file_text(name: str) -> str:
    return (CONTENT_DIR / f"{name}.json").read_text(encoding="utf-8")


def records() -> dict[str, list[dict]]:
    return content_records(TOPIC)


def claims() -> list[dict]:
    return sorted((c for c in records()["claims"] if c["topic"] == TOPIC),
                  key=lambda c: c["number"])


def claim_number() -> dict[str, int]:
    return {c["slug"]: c["number"] for c in claims()}


def evidence() -> list[dict]:
    ours = claim_number()
    return [row for row in records()["evidence"] if row["claim"] in ours]


def sources_cited() -> dict[str, dict]:
    cited = {row["source"] for row in evidence()}
    return {s["key"]: s for s in records()["sources"] if s["key"] in cited}


def claim_origins() -> list[dict]:
    ours = claim_number()
    return [row for row in records()["claim_origins"] if row["claim"] in ours]


def patient_fields():
    """(where, text) for every word of this topic a patient reads."""
    [topic] = records()["topics"]
    for field in ("title", "summary", "intro_md", "what_to_do_md"):
        yield f"topic {field}", topic[field]
    for claim in claims():
        for field in ("text", "short_wording", "verdict_reason", "verdict_population",
                      "patient_summary_md", "what_to_do_md", "aliases", "no_guideline_note"):
            yield f"claim {claim['number']} {field}", claim[field]
    for row in evidence():
        yield f"{row['id']} finding", row["finding"]
    for row in claim_origins():
        yield f"{row['claim']} origin {row['origin']} wording", row["wording"]
    for key, source in sources_cited().items():
        for field in ("short_name", "citation", "citation_note", "integrity_note"):
            yield f"source {key} {field}", source[field]


# --- the file ------------------------------------------------------------------------------


def test_the_file_is_one_topic_of_13_claims_awaiting_review():
    [topic] = records()["topics"]
    assert (topic["slug"], topic["order"], topic["is_published"]) == (TOPIC, 2, True)
    assert topic["title"] == "The daily supplement stack for MS"
    assert [(c["slug"], c["verdict"]) for c in claims()] == CLAIMS
    assert [c["number"] for c in claims()] == list(range(1, 14))
    for claim in claims():
        assert claim["state"] == ReviewState.UNDER_REVIEW, claim["slug"]
        assert claim["version"] == 1
        for field in ("author", "last_edited_by", "reviewed_by", "first_published",
                      "last_reviewed", "next_review_due"):
            assert claim[field] is None, (claim["slug"], field)


def test_every_record_has_every_field_of_its_kind():
    data = records()
    for kind in kinds_in(include_suggestions=False):
        expected = set(kind.field_names(include_suggestions=False))
        for row in data[kind.name]:
            assert set(row) == expected, (kind.name, set(row) ^ expected)


def test_verdicts_name_their_population_only_where_the_brief_narrows_them():
    for claim in claims():
        words = POPULATION.get(claim["number"])
        if words is None:
            assert claim["verdict_population"] == "", claim["slug"]
        else:
            assert words in claim["verdict_population"], claim["slug"]
            assert claim["verdict_population"].startswith("in "), claim["slug"]


# --- sources -------------------------------------------------------------------------------


def test_every_source_cited_is_one_of_the_briefs_with_its_identifiers():
    keys = {row[0] for row in BRIEF_SOURCES.values()} | BRIEF1_KEYS
    cited = sources_cited()

    assert set(cited) <= keys, set(cited) - keys
    for brief_id, (key, doi, pmid, identifiers) in BRIEF_SOURCES.items():
        source = cited[key]
        assert (source["doi"], source["pmid"]) == (doi, pmid), brief_id
        for identifier in identifiers:
            assert identifier in source["citation"], (brief_id, identifier)


def test_each_claim_cites_the_briefs_sources_for_it_and_only_safety_sources_besides():
    by_claim: dict[int, set[str]] = {}
    for row in evidence():
        by_claim.setdefault(claim_number()[row["claim"]], set()).add(row["source"])
    for number, brief_ids in CLAIM_SOURCES.items():
        cited = by_claim.get(number, set())
        expected = {KEY[i] for i in brief_ids} | (BRIEF1_KEYS if number == 4 else set())
        allowed = expected | {KEY[i] for i in SAFETY.get(number, set())}
        assert expected <= cited, (number, expected - cited)
        assert cited <= allowed, (number, cited - allowed)
        assert {KEY[i] for i in SAFETY.get(number, set())} <= cited, number


def test_the_unfound_meta_analysis_is_not_cited_anywhere():
    for name in (TOPIC, B12_TOPIC):
        text = file_text(name)
        assert "Mahler" not in text and "105433" not in text, name
    assert "mah24" not in {s["key"] for s in records()["sources"]}


def test_links_are_canonical_and_only_from_the_briefs_identifiers():
    for key, source in sources_cited().items():
        if source["doi"]:
            assert source["url"] == f"https://doi.org/{source['doi']}", key
        elif source["pmid"]:
            assert source["url"] == f"https://pubmed.ncbi.nlm.nih.gov/{source['pmid']}/", key
        elif key not in BRIEF1_KEYS:
            assert source["url"] == "", key  # the brief gives no address


def test_citations_count_as_checked_only_where_the_brief_saw_them():
    cited = sources_cited()
    # [S2] only, or details the brief says it did not see: never "checked".
    unconfirmed = {"vidams", "rev-sc", "pgs", "ukms20", "contain", "kou17", "pro90", "waves",
                   "spel17", "uk-b6", "rw-as", "mnt-lm", "nhs-d", "nccih-o3", "mg-ul", "exam-d"}
    for key in unconfirmed:
        assert cited[key]["citation_verified"] is False, key
        assert cited[key]["citation_note"], key


def test_integrity_notices_say_what_is_known_and_no_more():
    cited = sources_cited()
    tam17, kou17, choline = cited["tam17"], cited["kou17"], cited["choline"]

    assert tam17["integrity"] == Integrity.RETRACTED
    for notice in ("Expression of concern", "J Am Nutr Assoc 2022;41(1):125", "6 Nov 2020",
                   "retraction", "J Am Nutr Assoc 2024;43(6):568", "9 Jul 2024", "38980210"):
        assert notice in tam17["integrity_citation"], notice
    assert kou17["integrity"] == Integrity.RELATED_CONCERN
    assert "same research group" in kou17["integrity_note"]
    assert "same year" in kou17["integrity_note"]
    assert "have not seen whether this paper itself" in kou17["integrity_note"]
    assert "not seen" in kou17["integrity_citation"]
    assert choline["integrity"] == Integrity.CORRECTION
    assert "have not seen" in choline["integrity_note"]
    flagged = {key for key, source in cited.items() if source["integrity"]}
    assert flagged == {"tam17", "kou17", "choline"}
    for source in cited.values():
        assert bool(source["integrity_note"]) == bool(source["integrity"]), source["key"]


# --- provenance ----------------------------------------------------------------------------


def test_nothing_is_checked_against_the_original_document():
    for row in evidence():
        assert row["verified"] is False, row["id"]
        assert row["verified_by"] is None and row["verified_at"] is None, row["id"]
        assert row["seen_as"] in SeenAs.values, row["id"]


def test_each_finding_is_seen_as_the_brief_marks_it():
    seen: dict[tuple[str, str], list[str]] = {}
    for row in sorted(evidence(), key=lambda r: (r["claim"], r["order"])):
        key = row["source"]
        if key in SEEN_IN_SOURCE_ONLY:
            assert row["seen_as"] == "source", row["id"]
        elif key in SEEN_IN_SUMMARY_ONLY:
            assert row["seen_as"] == "summary", row["id"]
        else:
            seen.setdefault((row["claim"], key), []).append(row["seen_as"])
        note = row["verification_note"]
        if row["seen_as"] == "source":
            assert note == SEEN_IN_SOURCE, row["id"]
        else:
            assert "seen only" in note.lower() and "summary" in note.lower(), row["id"]
    assert seen == MIXED_ROWS


def test_no_grade_is_given_where_the_brief_gives_none():
    for row in evidence():
        assert row["grade"] is None, row["id"]
        assert (row["grade_question"], row["grade_note"]) == ("", ""), row["id"]
        assert row["grade_answers_claim"] is False, row["id"]


# --- patient text --------------------------------------------------------------------------


def test_no_patient_text_names_a_dose():
    found = [(where, match.group()) for where, text in patient_fields()
             for match in DOSE.finditer(text)]
    assert found == []


def test_trial_doses_for_clinicians_say_they_were_given_in_a_trial():
    cited = sources_cited()
    for row in evidence():
        if cited[row["source"]]["source_type"] == "rct" and DOSE.search(row["clinician_finding"]):
            assert "in a trial" in row["clinician_finding"], row["id"]
    for claim in claims():
        for paragraph in claim["clinician_summary_md"].split("\n\n"):
            if DOSE.search(paragraph) and any(trial in paragraph for trial in TRIALS):
                assert "given with monitoring in a trial" in paragraph or (
                    "given in a trial" in paragraph), (claim["slug"], paragraph[:60])


def test_patient_text_reads_at_grade_8_or_lower():
    [topic] = records()["topics"]
    texts = [("topic intro", topic["intro_md"]), ("topic what to do", topic["what_to_do_md"])]
    for claim in claims():
        for field in ("patient_summary_md", "what_to_do_md", "verdict_reason", "text"):
            texts.append((f"claim {claim['number']} {field}", claim[field]))
        texts.append((f"claim {claim['number']} aliases",
                      ". ".join(claim["aliases"].splitlines())))
    texts += [(f"{row['id']} finding", row["finding"]) for row in evidence()]

    too_hard = [(where, grade) for where, text in texts
                if (grade := reading_grade(text)) is not None and grade > GRADE_LIMIT]
    assert too_hard == []


def test_aliases_are_several_lay_phrasings_one_a_line():
    everyday = {1: "vit d", 5: "fish oil", 8: "turmeric", 7: "lions mane",
                11: "biotin for progressive ms"}
    for claim in claims():
        lines = claim["aliases"].splitlines()
        assert len(lines) >= 5, claim["slug"]
        assert all(line == line.strip().lower() and line for line in lines), claim["slug"]
        if words := everyday.get(claim["number"]):
            assert any(words in line for line in lines), (claim["slug"], words)


def test_no_page_suggests_stopping_a_prescribed_treatment():
    found = [(where, match.group()) for where, text in patient_fields()
             if not where.endswith("aliases") for match in STOP_TREATMENT.finditer(text)]
    assert found == []
    for number in (1, 12, 13):
        assert "Keep taking the MS treatment" in claims()[number - 1]["what_to_do_md"]


def test_safety_facts_are_on_the_pages_where_they_matter():
    for number, words in SAFETY_WORDS.items():
        claim = claims()[number - 1]
        summary = " ".join(claim["patient_summary_md"].split()).lower()
        for word in words:
            assert word.lower() in summary, (number, word)
    for number in (9, 11):
        clinician = claims()[number - 1]["clinician_summary_md"]
        assert "troponin" in clinician and "thyroid" in clinician, number


def test_pages_point_to_a_test_where_one_exists_and_to_the_ms_team_otherwise():
    for number in (1, 3):
        todo = claims()[number - 1]["what_to_do_md"]
        assert "vitamin D blood test" in todo and "GP or MS team" in todo, number
    for claim in claims():
        todo = claim["what_to_do_md"]
        assert re.search(r"MS team|MS nurse|GP|pharmacist|MS review", todo), claim["slug"]


# --- origins and links ---------------------------------------------------------------------


def test_origins_are_the_seed_blog_for_the_stacks_parts_and_unlinked_communities_else():
    by_claim: dict[int, set[str]] = {}
    for row in claim_origins():
        by_claim.setdefault(claim_number()[row["claim"]], set()).add(row["origin"])
        if row["origin"] != BLOG:
            assert row["quote"] == "", row["claim"]
        assert row["wording"] and row["relies_on"] == [], row["claim"]
    assert {n for n, keys in by_claim.items() if BLOG in keys} == {1, 4, 5, 6, 7, 8, 9, 10, 13}
    assert {n for n, keys in by_claim.items() if COMMUNITY in keys} == {1, 2, 3, 11, 12}
    assert set(by_claim) == set(range(1, 14))
    origins = {row["key"]: row for row in records()["origins"]}
    assert origins[COMMUNITY]["url"] == "" and origins[BLOG]["url"] == ""
    assert origins[BLOG] == next(
        row for row in content_records(B12_TOPIC)["origins"] if row["key"] == BLOG
    )


def test_blog_quotes_are_its_own_words():
    path = SEEDS_DIR / SEED_FILE
    if not path.exists():
        pytest.skip(f"the blog's saved copy is not here: {path}")

    def normalise(text: str) -> str:
        text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
        return " ".join(text.split())

    original = normalise(path.read_text(encoding="utf-8"))
    for row in claim_origins():
        for fragment in filter(None, row["quote"].split("…")):
            assert normalise(fragment) in original, (row["claim"], fragment)


def _links(markdown_text: str) -> set[str]:
    for path, slug in CLAIM_LINK.findall(markdown_text):
        assert path == reverse("claims:claim", args=[slug])
    return {slug for _, slug in CLAIM_LINK.findall(markdown_text)}


def test_the_two_topics_link_to_each_other():
    b12 = {c["slug"]: c for c in content_records(B12_TOPIC)["claims"]}
    ours = {c["slug"]: c for c in claims()}
    everything = set(b12) | set(ours)
    for claim in [*b12.values(), *ours.values()]:
        for field in ("patient_summary_md", "clinician_summary_md", "what_to_do_md"):
            assert _links(claim[field]) <= everything, (claim["slug"], field)

    stack = b12["daily-supplement-stack-for-ms"]
    parts = {SLUG[n] for n in (1, 4, 5, 6, 7, 8, 9, 10, 13)}
    assert parts <= _links(stack["patient_summary_md"])
    assert "later topics" not in stack["clinician_summary_md"] + stack["no_guideline_note"]
    for number in (4, 9):
        claim = ours[SLUG[number]]
        assert _links(claim["patient_summary_md"]) & set(b12), number
    assert {SLUG[n] for n in range(1, 11)} <= _links(ours[SLUG[13]]["patient_summary_md"])


# --- loading and exporting -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_file_loads_and_exports_back_unchanged():
    call_command("load_seed_content", stdout=StringIO())

    public = Claim.objects.public().filter(topic__slug=TOPIC).order_by("number")
    assert [claim.slug for claim in public] == [slug for slug, _ in CLAIMS]
    for claim in public:
        claim.full_clean()
        assert claim.patient_summary_html and claim.what_to_do_html
    for item in Evidence.objects.filter(claim__topic__slug=TOPIC):
        item.full_clean()
    for source in Source.objects.filter(key__in=list(sources_cited())):
        source.full_clean()
    exported = content_documents(export_document(timestamp=False))[TOPIC]
    assert dump_document(exported, indent=CONTENT_INDENT) == file_text(TOPIC)
