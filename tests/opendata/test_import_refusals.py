"""import_claims refuses a bad file with a message naming the record and the field, and the
database is exactly as it was (compared through a full export before and after)."""

import copy
import json
import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.limits import (
    ALIASES_MAX_CHARS,
    MARKDOWN_MAX_CHARS,
    MARKDOWN_MAX_LINES,
    MARKDOWN_MAX_MARKUP,
)
from claims.models import Claim, Topic
from opendata import importing, validation
from tests.factories import make_claim, make_topic
from tests.opendata.conftest import current_export, run_manage, sqlite_env

pytestmark = pytest.mark.django_db


@pytest.fixture
def existing_data(editor_user):
    """Something in the database for a refused import to leave alone."""
    claim = make_claim(slug="already-here", author=editor_user)
    return claim


def refused(path) -> str:
    with pytest.raises(CommandError) as caught:
        call_command("import_claims", str(path), stdout=StringIO(), stderr=StringIO())
    message = str(caught.value)
    assert message.startswith("Import refused; the database is unchanged.")
    return message


def write(tmp_path, document, name="bad.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def claim_index(document, slug=None):
    claims = document["records"]["claims"]
    index = 12 if slug is None else next(i for i, c in enumerate(claims) if c["slug"] == slug)
    return index, claims[index]["slug"]


def _wrong_version(doc):
    doc["version"] = 2
    return 'field "version": unsupported version 2; this site reads version 1'


def _wrong_format(doc):
    doc["format"] = "someone-elses-export"
    return 'field "format": "someone-elses-export" is not "claimcheck-export"'


def _missing_kind(doc):
    del doc["records"]["evidence"]
    return 'records: missing "evidence"'


def _missing_field(doc):
    index, slug = claim_index(doc)
    del doc["records"]["claims"][index]["verdict"]
    return f'claims[{index}] "{slug}": field "verdict": missing'


def _unknown_field(doc):
    index, slug = claim_index(doc)
    doc["records"]["claims"][index]["colour"] = "red"
    return f'claims[{index}] "{slug}": field "colour": unknown field'


def _unknown_verdict(doc):
    index, slug = claim_index(doc)
    doc["records"]["claims"][index]["verdict"] = "X"
    return f'claims[{index}] "{slug}": field "verdict": unknown verdict "X"'


def _dangling_source(doc):
    evidence = doc["records"]["evidence"][3]
    evidence["source"] = "no-such-source"
    return f'evidence[3] "{evidence["id"]}": field "source": unknown source "no-such-source"'


def _dangling_revision_topic(doc):
    revisions = doc["records"]["claim_revisions"]
    index = next(i for i, r in enumerate(revisions) if r["state"] == "pending")
    revisions[index]["data"]["topic"] = "gone"
    return f'claim_revisions[{index}] "{revisions[index]["id"]}": field "data.topic": ' \
        'unknown topic "gone"'


def _duplicate_identifier(doc):
    sources = doc["records"]["sources"]
    sources.append(copy.deepcopy(sources[2]))
    return f'sources[{len(sources) - 1}] "{sources[2]["key"]}": duplicate identifier (also ' \
        "sources[2])"


def _duplicate_claim_number(doc):
    claims = doc["records"]["claims"]
    claims[5]["number"] = claims[4]["number"]
    return f'claims[5] "{claims[5]["slug"]}": field "topic", "number"'


def _wrong_type(doc):
    index, slug = claim_index(doc)
    doc["records"]["claims"][index]["number"] = "twelve"
    return f'claims[{index}] "{slug}": field "number": expected a whole number, got text'


def _too_long(doc):
    index, slug = claim_index(doc)
    doc["records"]["claims"][index]["short_wording"] = "x" * 80
    return f'claims[{index}] "{slug}": field "short_wording": Ensure this value has at most 75'


def _aliases_over_the_limit(doc):
    index, slug = claim_index(doc)
    doc["records"]["claims"][index]["aliases"] = "x" * (ALIASES_MAX_CHARS + 1)
    return f'claims[{index}] "{slug}": field "aliases": Ensure this value has at most ' \
        f"{ALIASES_MAX_CHARS} characters (it has {ALIASES_MAX_CHARS + 1})"


def _markdown_over_the_limit(doc):
    topic = doc["records"]["topics"][0]
    topic["intro_md"] = "[" * (MARKDOWN_MAX_CHARS + 1)
    return f'topics[0] "{topic["slug"]}": field "intro_md": Ensure this value has at most ' \
        f"{MARKDOWN_MAX_CHARS} characters"


def _markdown_with_too_many_lines(doc):
    # The shape limit, besides the length: a 1,250-row table took 150 ms to render.
    topic = doc["records"]["topics"][0]
    topic["intro_md"] = "a|b\n-|-\n" * (MARKDOWN_MAX_LINES // 2 + 1)
    return f'topics[0] "{topic["slug"]}": field "intro_md": This text has ' \
        f"{MARKDOWN_MAX_LINES + 2} lines; the limit is {MARKDOWN_MAX_LINES}"


def _suggestion_over_its_max_length(doc):
    # A TextField's max_length is not validated by the model itself; the importer checks it.
    suggestion = doc["records"]["suggestions"][0]
    suggestion["claim_text"] = "x" * 2001
    return f'suggestions[0] "{suggestion["id"]}": field "claim_text": Ensure this value has ' \
        "at most 2000 characters (it has 2001)"


def _number_out_of_range(doc):
    # PostgreSQL refuses 70000 in a PositiveSmallIntegerField; SQLite would store it.
    index, slug = claim_index(doc)
    doc["records"]["claims"][index]["number"] = 70000
    return f'claims[{index}] "{slug}": field "number": 70000 is out of range: the field ' \
        "holds 0 to 32767"


def _negative_order(doc):
    evidence = doc["records"]["evidence"][3]
    evidence["order"] = -1
    return f'evidence[3] "{evidence["id"]}": field "order": -1 is out of range'


def _pending_revision(doc):
    revisions = doc["records"]["claim_revisions"]
    index = next(i for i, r in enumerate(revisions) if r["state"] == "pending")
    return index, revisions[index]


def _unknown_revision_key(doc):
    index, revision = _pending_revision(doc)
    revision["data"]["search_terms"] = "smuggled"
    return f'claim_revisions[{index}] "{revision["id"]}": field "data.search_terms": ' \
        "unknown field"


def _revision_value_over_the_limit(doc):
    index, revision = _pending_revision(doc)
    revision["data"]["aliases"] = "x" * (ALIASES_MAX_CHARS + 1)
    return f'claim_revisions[{index}] "{revision["id"]}": field "data.aliases": Ensure this ' \
        f"value has at most {ALIASES_MAX_CHARS} characters"


def _revision_number_out_of_range(doc):
    index, revision = _pending_revision(doc)
    revision["data"]["number"] = 70000
    return f'claim_revisions[{index}] "{revision["id"]}": field "data.number": 70000 is out ' \
        "of range"


def _revision_value_wrong_type(doc):
    index, revision = _pending_revision(doc)
    revision["data"]["text"] = ["a", "list"]
    return f'claim_revisions[{index}] "{revision["id"]}": field "data.text": expected text, ' \
        "got a list"


def _bad_choice(doc):
    index, slug = claim_index(doc)
    doc["records"]["claims"][index]["state"] = "published"
    return f'claims[{index}] "{slug}": field "state": Value \'published\' is not a valid choice'


def _integrity_notice_without_words(doc):
    index, source = next(
        (i, s) for i, s in enumerate(doc["records"]["sources"]) if s["integrity"] == ""
    )
    source["integrity"] = "retracted"
    return (f'sources[{index}] "{source["key"]}": field "integrity_note": say in plain words '
            "what is known about this notice")


def _integrity_words_without_a_notice(doc):
    index, source = next(
        (i, s) for i, s in enumerate(doc["records"]["sources"]) if s["integrity"] == ""
    )
    source["integrity_citation"] = "Retraction notice. J Test 2024;1:1."
    return f'sources[{index}] "{source["key"]}": field "integrity": a note or citation needs'


def _bad_date(doc):
    index, slug = claim_index(doc)
    doc["records"]["claims"][index]["last_reviewed"] = "01/02/2025"
    return f'claims[{index}] "{slug}": field "last_reviewed": "01/02/2025" is not a date'


def _naive_time(doc):
    index, slug = claim_index(doc)
    doc["records"]["claims"][index]["updated_at"] = "2025-01-01T10:00:00"
    return f'claims[{index}] "{slug}": field "updated_at": "2025-01-01T10:00:00" is not a date ' \
        "and time with a time zone"


def _record_not_object(doc):
    doc["records"]["topics"][0] = "b12"
    return "topics[0]: expected an object, got text"


def _misplaced_child_id(doc):
    evidence = doc["records"]["evidence"][0]
    evidence["id"] = "some-other-claim/evidence/1"
    return f'field "id": must start with "{evidence["claim"]}/evidence/"'


def _bad_username(doc):
    index, slug = claim_index(doc, "sample-draft")
    doc["records"]["claims"][index]["author"] = "no spaces allowed!"
    return f'claims[{index}] "{slug}": field "author": "no spaces allowed!" is not a valid username'


CORRUPTIONS = [
    _wrong_version, _wrong_format, _missing_kind, _missing_field, _unknown_field,
    _unknown_verdict, _dangling_source, _dangling_revision_topic, _duplicate_identifier,
    _duplicate_claim_number, _wrong_type, _too_long, _bad_choice, _bad_date, _naive_time,
    _record_not_object, _misplaced_child_id, _bad_username, _aliases_over_the_limit,
    _markdown_over_the_limit, _markdown_with_too_many_lines, _suggestion_over_its_max_length,
    _number_out_of_range,
    _negative_order, _unknown_revision_key, _revision_value_over_the_limit,
    _revision_number_out_of_range, _revision_value_wrong_type,
    _integrity_notice_without_words, _integrity_words_without_a_notice,
]


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=lambda f: f.__name__.strip("_"))
def test_a_corrupted_file_is_refused_and_changes_nothing(
    corrupt, source_document, existing_data, tmp_path
):
    before = current_export()
    expected = corrupt(source_document)

    message = refused(write(tmp_path, source_document))

    assert expected in message
    assert current_export() == before


def test_values_at_the_limits_import(source_document, tmp_path):
    index, slug = claim_index(source_document)
    source_document["records"]["claims"][index]["aliases"] = "x" * ALIASES_MAX_CHARS
    source_document["records"]["claims"][index]["number"] = 32767
    # At the length limit and the markup limit at once.
    source_document["records"]["topics"][0]["intro_md"] = (
        "[" * MARKDOWN_MAX_MARKUP + "x" * (MARKDOWN_MAX_CHARS - MARKDOWN_MAX_MARKUP))
    _, revision = _pending_revision(source_document)
    revision["data"]["aliases"] = "y" * ALIASES_MAX_CHARS

    call_command("import_claims", str(write(tmp_path, source_document)), stdout=StringIO(),
                 stderr=StringIO())

    claim = Claim.objects.get(slug=slug)
    assert (len(claim.aliases), claim.number) == (ALIASES_MAX_CHARS, 32767)
    assert Topic.objects.get(slug=source_document["records"]["topics"][0]["slug"]).intro_html


def test_every_problem_is_listed_up_to_a_limit(source_document, existing_data, tmp_path):
    for claim in source_document["records"]["claims"]:
        claim["verdict"] = "X"

    message = refused(write(tmp_path, source_document))

    assert message.count('unknown verdict "X"') == validation.MAX_PROBLEMS_SHOWN
    assert "more problems" in message


def test_a_row_the_database_refuses_rolls_back_everything(source_document, tmp_path):
    # Valid on its own, but this database already has another claim at that topic and number.
    first = source_document["records"]["claims"][0]
    topic = make_topic(slug=first["topic"], title="Local title")
    make_claim(topic=topic, number=first["number"], slug="local-claim")
    before = current_export()

    message = refused(write(tmp_path, source_document))

    assert f'claims[0] "{first["slug"]}"' in message
    assert "already exists" in message
    assert current_export() == before
    assert Topic.objects.get(slug=first["topic"]).title == "Local title"
    assert not Claim.objects.filter(slug=first["slug"]).exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[1, 2, 3]", "it holds a list, not an object"),
        ('"just text"', "it holds text, not an object"),
        ('{"format": "claimcheck-export", "version": 1, ', "the file is not valid JSON"),
        ("", "the file is not valid JSON"),
        ("[" * 100_000, "nested too deeply"),
    ],
    ids=["list", "string", "truncated", "empty", "deep"],
)
def test_a_file_that_is_not_an_export_object_is_refused(content, expected, existing_data,
                                                       tmp_path):
    before = current_export()
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")

    assert expected in refused(path)
    assert current_export() == before


def test_fifty_megabytes_of_random_bytes_are_refused(existing_data, tmp_path):
    before = current_export()
    path = tmp_path / "garbage.json"
    with path.open("wb") as handle:
        for _ in range(50):
            handle.write(os.urandom(1024 * 1024))

    assert "the file is not UTF-8 text" in refused(path)
    assert current_export() == before


def test_fifty_megabytes_of_text_junk_are_refused(existing_data, tmp_path):
    before = current_export()
    path = tmp_path / "junk.json"
    path.write_bytes(b"claims claims claims " * (50 * 1024 * 1024 // 21))

    assert "the file is not valid JSON" in refused(path)
    assert current_export() == before


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch, existing_data,
                                                              tmp_path):
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1024 * 1024)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (2 * 1024 * 1024) + b"{}")

    assert "the file is 2.0 MB; the limit is 1 MB" in refused(path)


def test_a_missing_file_is_refused(tmp_path):
    assert "cannot read the file: No such file or directory" in refused(tmp_path / "nope.json")


def test_the_command_exits_non_zero_with_the_message(tmp_path):
    # Refused before the database is opened, so an empty SQLite file will do.
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    env = sqlite_env(tmp_path / "unused.sqlite3")

    with pytest.raises(AssertionError) as failed:
        run_manage("import_claims", str(path), env=env)

    assert "the file is not valid JSON" in str(failed.value)
