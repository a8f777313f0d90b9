"""The "Check a text" page at /check/, by an anonymous patient: paste a text, see which of
its sentences we have checked, and what we found. Nothing pasted is stored, cached or logged.

The matching engine (claims.search.matching) is lexical today and matches by meaning later,
so these tests hold for either: a claim's own wording must match that claim, plainly unrelated
sentences must match nothing, and each display is tested with the engine replaced by one that
answers CHECKED, SIMILAR or nothing.
"""

import html as html_module
import logging
import re
import sys
from pathlib import Path

import pytest
import textstat
from django.apps import apps
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.debug import ExceptionReporter

from claims import views_check
from claims.forms import CHECK_TEXT_MAX_CHARS
from claims.models import Claim, ReviewState
from claims.search import matching
from claims.text_check import MAX_SENTENCES
from editorial.models import Suggestion
from tests.assessments.test_readability import MAX_GRADE, page_prose
from tests.claims.test_patient_text import _dose_numbers, patient_text
from tests.html_validator import needs_validator, vnu_problems

URL = "/check/"
HX = {"HX-Request": "true"}
# Sentences no engine should match to a claim about MS: nothing in them is about health. (The
# lexical engine of today still finds "similar" claims for many everyday sentences, through
# its typo corrections: "See you on Friday." These three it leaves alone.)
UNRELATED = ["Love this photo.", "Happy birthday to my lovely mum!", "Click here to subscribe."]
# Claims whose own wording the patient pastes (any engine must match a claim's own wording).
PASTED_CLAIMS = ["take-b12-in-the-morning", "sublingual-b12-absorbs-better",
                 "b12-supplements-essential-in-ms"]
LEVEL_LABELS = ("We checked this", "We checked something similar")

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    """Rows in every table, to prove a page wrote nothing."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def claim(slug: str) -> Claim:
    return Claim.objects.select_related("verdict").get(slug=slug)


def results_of(html: str) -> str:
    """The results region of a full page."""
    return html.split('id="check-results"', 1)[1].split("<h2>What happens to your text</h2>", 1)[0]


def items_of(html: str) -> list[str]:
    """One piece of HTML for each sentence shown, in order."""
    listing = html.split('<ol class="check-sentences">', 1)[1].split("</ol>", 1)[0]
    return re.findall(r"<li class=\"check-sentence.*?</li>", listing, flags=re.S)


def quoted(item: str) -> str:
    """The reader's own sentence, as one item shows it."""
    return html_module.unescape(re.search(r"data-quoted-claim>(.*?)</", item, flags=re.S)[1])


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def fake_engine(monkeypatch, answers: dict[str, tuple[Claim, str] | None]) -> list[str]:
    """Replace the engine: each sentence gets its answer (claim, level), or nothing. Returns
    the list of sentences it was asked about."""
    asked = []

    def match_sentence(sentence, *, version=None):
        asked.append(sentence)
        answer = answers.get(sentence)
        return matching.ClaimMatch(answer[0], answer[1], 1.0) if answer else None

    def match_sentences(sentences, *, version=None):
        return [match_sentence(sentence, version=version) for sentence in sentences]

    monkeypatch.setattr(matching, "match_sentence", match_sentence)
    monkeypatch.setattr(matching, "match_sentences", match_sentences)
    return asked


# --- the empty page ---------------------------------------------------------------------------


def test_url_name():
    assert reverse("claims:check_text") == URL


def test_get_shows_the_empty_form_with_a_plain_label_and_no_results(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_text">Paste a post, message or shop page</label>' in html
    assert ('<p class="check-hint" id="text-hint">We don&#x27;t keep it. '
            "Up to 10,000 characters.</p>") in html
    textarea = re.search(r"<textarea[^>]*name=\"text\"[^>]*>", html).group(0)
    assert 'aria-describedby="text-hint"' in textarea
    assert "maxlength" not in textarea  # a browser would cut a long paste short, silently
    # A POST to the same page, with the CSRF token; htmx swaps the results region only.
    assert re.search(r'<form class="check-form" method="post" action="/check/#check-results"', html)
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'data-hx-post="/check/" data-hx-target="#check-results"' in html
    assert 'data-hx-history="false"' in html
    assert "<h2>What we found</h2>" not in html and "<mark" not in html


def test_the_page_is_linked_from_the_main_navigation_and_the_home_page(client):
    html = client.get("/").content.decode()
    nav = html.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/check/">Check a text</a>' in nav
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert '<a href="/check/">Check a text you read</a>' in main


def test_head_options_and_other_methods(client):
    head = client.head(URL)
    assert head.status_code == 200 and head.content == b""
    options = client.options(URL)
    assert options.status_code == 200 and options["Allow"] == "GET, HEAD, POST, OPTIONS"
    for method in (client.put, client.delete, client.patch):
        assert method(URL).status_code == 405


# --- a patient pastes a text ------------------------------------------------------------------


def test_a_text_of_checked_claims_and_other_sentences_shows_each_match_with_its_verdict(
        client, seed_content):
    pasted = [claim(slug) for slug in PASTED_CLAIMS]
    sentences = [UNRELATED[0], pasted[0].text, UNRELATED[1], pasted[1].text, pasted[2].text,
                 UNRELATED[2]]
    response = client.post(URL, {"text": "\n".join(sentences)})
    assert response.status_code == 200
    html = response.content.decode()
    items = items_of(results_of(html))
    assert [quoted(item) for item in items] == sentences  # every sentence, in order

    for item, expected in zip([items[1], items[3], items[4]], pasted, strict=True):
        # Highlighted, with a label in words: never colour alone.
        assert re.search(r'<p class="check-label">We checked (this|something similar)</p>', item)
        assert f"<mark data-quoted-claim>{expected.text}</mark>".replace("'", "&#x27;") in item
        assert f'<span class="verdict verdict-{expected.verdict.code.lower()}">' in item
        assert f'<span class="verdict-label">{expected.verdict.label}</span>' in item
        assert expected.verdict_reason.replace("'", "&#x27;") in item
        link = f'<a href="/claims/{expected.slug}/">Read our check: {expected.short_wording}</a>'
        assert link in item
    for item in (items[0], items[2], items[5]):  # shown plain
        assert "<mark" not in item and "verdict" not in item and "check-label" not in item

    summary = text_of(html.split('<p class="check-summary">', 1)[1].split("</p>", 1)[0])
    assert summary.startswith("Your text has 6 sentences.")
    counted = sum(int(n) for n in re.findall(r"(\d+) (?:match|matches|is|are) ", summary))
    assert counted == 3
    # Every seeded claim awaits medical review: the claim pages' notice, for a list.
    assert ("<strong>Awaiting medical review.</strong> A medical reviewer has not yet "
            "approved these pages") in html
    assert "If a sentence has no match, it may be right or wrong: we have not checked it." in html


def test_each_level_has_its_own_display(client, seed_content, monkeypatch):
    checked, similar, asked = (claim("take-b12-in-the-morning"),
                               claim("sublingual-b12-absorbs-better"),
                               "Cannabis oil cures MS in weeks.")
    Claim.objects.filter(pk=checked.pk).update(verdict_population="in adults with MS")
    fake_engine(monkeypatch, {
        "B12 in the morning gives you energy.": (checked, matching.CHECKED),
        "B12 under your tongue works better.": (similar, matching.SIMILAR),
    })
    text = ("B12 in the morning gives you energy. B12 under your tongue works better. "
            f"{asked} Love this photo.")
    html = client.post(URL, {"text": text}).content.decode()
    first, second, third, fourth = items_of(html)

    assert '<li class="check-sentence check-sentence--checked">' in first
    assert '<p class="check-label">We checked this</p>' in first
    assert "<mark data-quoted-claim>B12 in the morning gives you energy.</mark>" in first
    assert "Our check is about this claim" not in first  # the same claim: no second wording
    assert "This verdict applies only in adults with MS." in text_of(first)
    assert "Ask us to check this" not in first

    assert '<li class="check-sentence check-sentence--similar">' in second
    assert '<p class="check-label">We checked something similar</p>' in second
    assert "<mark data-quoted-claim>B12 under your tongue works better.</mark>" in second
    # The similar claim's own wording, so the reader can judge whether it is the same.
    wording = f'<q class="check-similar">{similar.short_wording}</q>'
    assert f"Our check is about this claim: {wording}" in second
    assert "compare the two" in second
    assert f'<a href="/claims/{similar.slug}/">' in second
    assert "<summary>Not the same claim? Ask us to check this</summary>" in second

    assert "<mark" not in third and "check-label" not in third  # no match: plain
    assert "<summary>Ask us to check this</summary>" in third  # ... but it reads like a claim
    assert "<mark" not in fourth and "Ask us" not in fourth  # plain, and not a claim

    summary = text_of(html.split('<p class="check-summary">', 1)[1].split("</p>", 1)[0])
    assert summary == ("Your text has 4 sentences. 1 matches a claim we checked. "
                       "1 is like a claim we checked.")


def test_no_match_at_all_says_so_and_never_calls_a_sentence_true_or_false(
        client, seed_content, monkeypatch):
    fake_engine(monkeypatch, {})
    html = client.post(URL, {"text": " ".join(UNRELATED)}).content.decode()
    summary = text_of(html.split('<p class="check-summary">', 1)[1].split("</p>", 1)[0])
    assert summary == "Your text has 3 sentences. None of them match a claim we checked."
    words = text_of(results_of(html)).lower()
    for verdict_word in ("true", "false", "safe", "wrong.", "correct"):
        assert verdict_word not in words.replace("may be right or wrong", "")
    assert "review-status" not in html  # no claim shown, so no review notice either


def test_a_mix_of_approved_and_unapproved_claims_marks_those_awaiting_review(
        client, seed_content, monkeypatch):
    approved, waiting = claim("take-b12-in-the-morning"), claim("sublingual-b12-absorbs-better")
    Claim.objects.filter(pk=approved.pk).update(state=ReviewState.APPROVED)
    fake_engine(monkeypatch, {"One.": (approved, matching.CHECKED),
                              "Two.": (waiting, matching.CHECKED)})
    html = client.post(URL, {"text": "One. Two."}).content.decode()
    assert "<strong>Some of these await medical review.</strong>" in html
    first, second = items_of(html)
    assert "Awaiting medical review" not in first
    assert "Awaiting medical review" in second


def test_a_claim_that_is_not_public_is_never_shown(client, seed_content, monkeypatch):
    hidden = claim("take-b12-in-the-morning")
    Claim.objects.filter(pk=hidden.pk).update(state=ReviewState.DRAFT)
    fake_engine(monkeypatch, {"One claim.": (hidden, matching.CHECKED)})
    html = client.post(URL, {"text": "One claim."}).content.decode()
    assert hidden.slug not in html and "<mark" not in html


def test_what_was_pasted_is_shown_back_escaped(client, seed_content):
    hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)> B12 "cures" MS & more.'
    response = client.post(URL, {"text": hostile})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


# --- limits and mistakes ----------------------------------------------------------------------


def test_empty_text_gets_a_clear_message(client):
    for text in ("", "   \n\t  "):
        response = client.post(URL, {"text": text})
        html = response.content.decode()
        assert response.status_code == 400
        assert "<title>Error: Check a text" in html
        problem = results_of(html)
        assert 'role="alert"' in problem
        assert '<a href="#id_text">Paste the text you want to check into the box.</a>' in problem
        assert 'aria-invalid="true"' in html
        assert 'aria-describedby="text-hint text-error"' in html
    assert client.post(URL, {}).status_code == 400  # no field at all


def test_too_long_text_gets_a_4xx_and_a_message_and_keeps_the_text(client):
    text = "B12 helps. " * (CHECK_TEXT_MAX_CHARS // 11) + "x" * 11  # 10,001 characters
    text = text[:CHECK_TEXT_MAX_CHARS + 1]
    assert len(text.strip()) == CHECK_TEXT_MAX_CHARS + 1
    response = client.post(URL, {"text": text})
    html = response.content.decode()
    assert response.status_code == 400
    assert ("Your text has 10,001 characters. We can check up to 10,000 at a time. "
            "Remove some of it, or check it in two parts.") in html
    box = html.split('name="text"', 1)[1].split("</textarea>", 1)[0]
    assert text.strip() in box  # kept in the box, to shorten
    assert "<h2>What we found</h2>" not in html


def test_the_limit_counts_characters_as_the_reader_sees_them(client, seed_content, monkeypatch):
    fake_engine(monkeypatch, {})
    exactly = "a" * CHECK_TEXT_MAX_CHARS
    assert client.post(URL, {"text": exactly}).status_code == 200
    # A browser sends each line break as two characters; the reader sees one.
    lines = "ab\r\n" * (CHECK_TEXT_MAX_CHARS // 3)
    assert len(lines) > CHECK_TEXT_MAX_CHARS
    assert client.post(URL, {"text": lines}).status_code == 200


def test_a_text_with_very_many_sentences_is_checked_up_to_the_cap_and_says_so(
        client, seed_content, monkeypatch):
    asked = fake_engine(monkeypatch, {})
    text = " ".join(f"Line {n}." for n in range(MAX_SENTENCES + 50))
    html = client.post(URL, {"text": text}).content.decode()
    assert len(items_of(html)) == MAX_SENTENCES
    assert len(asked) == MAX_SENTENCES
    assert f"We checked the first {MAX_SENTENCES} sentences only." in html


def test_odd_input_never_gives_a_500(client, seed_content):
    for text in ("\x00\x00", "B12\x00 helps MS.", "...", "!!!???", "🙂" * 5000, "a\u202eb",
                 "\r\r\r", "x" * 50_000, "é" * 10_001):
        response = client.post(URL, {"text": text})
        assert response.status_code in (200, 400), repr(text[:20])
    # Several "text" fields: the last one counts, as for any form.
    assert client.post(URL, {"text": ["a", "Love this photo."]}).status_code == 200
    # A body far over Django's upload limit is refused before the view runs.
    assert client.post(URL, {"text": "x" * 3_000_000}).status_code == 400


# --- htmx -------------------------------------------------------------------------------------


def test_htmx_gets_only_the_results_region_with_the_summary_for_screen_readers(
        client, seed_content):
    text = claim("take-b12-in-the-morning").text
    response = client.post(URL, {"text": text}, headers=HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form class=\"check-form\"" not in html
    assert html.lstrip().startswith(
        '<div data-hx-swap-oob="innerHTML:#check-status">Your text has 1 sentence.')
    assert "<h2>What we found</h2>" in html and "<mark" in html
    # A history restore gets the whole page.
    restore = client.post(URL, {"text": text},
                          headers={**HX, "HX-History-Restore-Request": "true"})
    assert "<html" in restore.content.decode()


def test_htmx_errors_come_back_as_the_results_region_with_a_4xx(client):
    response = client.post(URL, {"text": ""}, headers=HX)
    html = response.content.decode()
    assert response.status_code == 400
    assert "<html" not in html
    assert '<div class="check-problem" role="alert"' in html
    # static/js/check-text.js lets htmx show a 400 answer in the results region.
    script = Path(__file__).resolve().parents[2] / "static" / "js" / "check-text.js"
    assert "status === 400" in script.read_text()


# --- privacy: nothing stored, cached or logged -------------------------------------------------


SECRET = "Zanzibarian quokka tonic cures my MS, says nurse Philippa Thistlewood."


def test_the_text_is_not_stored_cached_or_logged(client, seed_content, caplog):
    before = row_counts()
    with caplog.at_level(logging.DEBUG):
        responses = [
            client.get(URL),
            client.head(URL),
            client.post(URL, {"text": SECRET}),
            client.post(URL, {"text": SECRET}, headers=HX),
            client.post(URL, {"text": SECRET * 200}),  # too long: 400
            client.post(URL, {"text": SECRET * 200}, headers=HX),
        ]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 400, 400]
    assert row_counts() == before  # no row in any table: no suggestion, no audit, nothing
    assert "Zanzibarian" not in caplog.text and "Thistlewood" not in caplog.text
    assert set(client.cookies) <= {"csrftoken"}  # no session
    for response in responses:
        assert {"private", "no-store"} <= {
            part.strip() for part in response.headers["Cache-Control"].split(",")
        }
        assert "HX-Request" in response.headers["Vary"]
        assert "Zanzibarian" not in response.headers.get("Location", "")


def test_error_reports_leave_the_text_out(seed_content, monkeypatch):
    """If the page fails, the report sent to the site's admins shows the text as stars."""

    def broken(text):
        raise RuntimeError("the matching engine failed")

    monkeypatch.setattr(views_check, "claims_in_text", broken)
    request = RequestFactory().post(URL, {"text": SECRET})
    request._dont_enforce_csrf_checks = True
    try:
        views_check.check_text(request)
    except RuntimeError:
        report = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    else:
        pytest.fail("the view should have raised")
    assert "Zanzibarian" not in report and "Thistlewood" not in report
    assert "text" in report  # the field is named, its value starred


def test_the_form_needs_its_csrf_token(seed_content):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, {"text": SECRET}).status_code == 403
    page = strict.get(URL)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    assert strict.post(URL, {"text": "Love this photo.", "csrfmiddlewaretoken": token}
                       ).status_code == 200


def test_the_page_uses_no_inline_script_style_or_handler(client, seed_content):
    html = client.post(URL, {"text": claim("take-b12-in-the-morning").text}).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "style=" not in html and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert '<script src="/static/js/check-text.js" defer></script>' in html


def test_a_check_reads_the_version_and_the_matched_claims_in_two_queries(
        client, seed_content, monkeypatch, django_assert_num_queries):
    found = claim("take-b12-in-the-morning"), claim("sublingual-b12-absorbs-better")
    asked = fake_engine(monkeypatch, {"One.": (found[0], matching.CHECKED),
                                      "Two.": (found[1], matching.SIMILAR)})
    # 1 the content version (once, for every sentence), 2 the matched claims with their
    # verdicts. The engine's own reads are its own (the fake makes none).
    with django_assert_num_queries(2):
        response = client.post(URL, {"text": "One. Two. one. Two. Three."})
    assert response.status_code == 200
    assert asked == ["One.", "Two.", "Three."]  # each distinct sentence asked about once


def test_a_check_of_many_sentences_takes_a_fixed_number_of_queries(
        client, seed_content, django_assert_num_queries):
    """The real engine: its candidates are read once for the whole text, not per sentence."""
    sentences = [claim(slug).text for slug in PASTED_CLAIMS] + UNRELATED + [
        "My neurologist says my B12 is fine but I still feel exhausted.",
        "Cannabis oil cures MS in weeks.",
        "Lion's mane grows back the coating on your nerves.",
    ]
    text = " ".join(sentences)
    # Builds this process's indexes for the content version, and keeps the claims its
    # sentences read (claims.search.ranking: how the scorer reads each, and the results).
    client.post(URL, {"text": text})
    if connection.vendor == "postgresql":
        # 1 the content version; 2 claims with a sentence's word in their summary only, for
        # every sentence at once (the index found fewer than 50 a sentence in their wording
        # or aliases); 3 the matched claims with their verdicts.
        expected = 3
    else:
        # 1 the content version; 2 every public claim's id and wording words, the candidates
        # of every sentence (SQLite matches in Python); 3 the matched claims with their
        # verdicts.
        expected = 3
    with django_assert_num_queries(expected):
        response = client.post(URL, {"text": text})
    assert response.status_code == 200
    assert len(items_of(response.content.decode())) == len(sentences)


# --- "Ask us to check this" -------------------------------------------------------------------


def test_ask_us_to_check_this_is_filled_in_and_sent_only_when_the_reader_chooses(
        client, seed_content, monkeypatch):
    fake_engine(monkeypatch, {})
    sentence = "Cannabis oil cures MS in weeks."
    html = client.post(URL, {"text": f"Hi all. {sentence} Love this photo."}).content.decode()
    assert Suggestion.objects.count() == 0  # checking a text sends nothing
    form = html.split('<details class="check-ask">', 1)[1].split("</details>", 1)[0]
    assert '<form method="post" action="/suggest/">' in form
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    claim_text = re.search(r'<textarea id="ask-2" name="claim_text"[^>]*>([^<]*)</textarea>', form)
    assert claim_text[1] == sentence
    assert html.count('<details class="check-ask">') == 1  # only the sentence like a claim

    # The reader presses "Send it to our editors": the suggestion form takes it as its own.
    response = client.post("/suggest/", {**fields, "claim_text": claim_text[1]})
    assert response.status_code == 302 and response["Location"] == "/suggest/thanks/"
    assert list(Suggestion.objects.values_list("claim_text", "seen_at", "email")) == [
        (sentence, "", "")
    ]


# --- what the page says -----------------------------------------------------------------------


def _our_words(html: str) -> str:
    """The page without the reader's own words (the box, the sentences, the ask forms)."""
    html = re.sub(r"(<textarea[^>]*>).*?</textarea>", r"\1</textarea>", html, flags=re.S)
    html = re.sub(r"<mark data-quoted-claim>.*?</mark>", "", html, flags=re.S)
    return re.sub(r'<p class="check-quote" data-quoted-claim>.*?</p>', "", html, flags=re.S)


def _result_page(client, monkeypatch) -> str:
    checked, similar = claim("high-dose-methylcobalamin-for-ms"), claim("take-b12-in-the-morning")
    fake_engine(monkeypatch, {checked.text: (checked, matching.CHECKED),
                              "Morning B12 is best.": (similar, matching.SIMILAR)})
    text = (f"{checked.text} Morning B12 is best. Take 5,000 mcg of B12 a day, it cures MS. "
            "Love this photo.")
    return client.post(URL, {"text": text}).content.decode()


def test_no_text_of_ours_names_a_dose(client, seed_content, monkeypatch):
    html = _result_page(client, monkeypatch)
    assert "5,000 mcg" in html  # the reader's own words are shown back ...
    for page in (client.get(URL).content.decode(), html):
        assert _dose_numbers(patient_text(_our_words(page))) == []  # ... ours name no dose


def test_the_page_reads_at_grade_8_or_lower(client, seed_content, monkeypatch):
    empty = client.get(URL).content.decode()
    results = _result_page(client, monkeypatch)
    errors = client.post(URL, {"text": ""}).content.decode()
    for html in (empty, results, errors):
        prose = page_prose(_our_words(html))
        assert textstat.flesch_kincaid_grade(prose) <= MAX_GRADE, prose




@needs_validator
def test_every_state_is_valid_html(client, seed_content, monkeypatch, tmp_path):
    pages = {
        "empty": client.get(URL).content,
        "results": _result_page(client, monkeypatch).encode(),
        "empty-error": client.post(URL, {"text": ""}).content,
        "too-long": client.post(URL, {"text": "a" * (CHECK_TEXT_MAX_CHARS + 1)}).content,
    }
    for name, content in pages.items():
        (tmp_path / f"{name}.html").write_bytes(content)
    problems = vnu_problems(tmp_path)
    assert problems == []
