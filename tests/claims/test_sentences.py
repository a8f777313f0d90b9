"""Splitting a pasted text into sentences, and telling which read like a health claim
(claims/sentences.py): pure functions, no database."""

import pytest

from claims.sentences import MAX_SENTENCE_CHARS, reads_like_health_claim, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("B12 helps MS. It also helps fatigue! Does it? Yes.",
         ["B12 helps MS.", "It also helps fatigue!", "Does it?", "Yes."]),
        # A full stop after "MS" ends a sentence; after the title "Ms" it does not.
        ("Ms. Jones takes B12 for MS. Her nurse agrees.",
         ["Ms. Jones takes B12 for MS.", "Her nurse agrees."]),
        ("Dr. Patel says B12, e.g. methylcobalamin, works. I am not sure.",
         ["Dr. Patel says B12, e.g. methylcobalamin, works.", "I am not sure."]),
        ("Levels rose 2.4 times, i.e. a lot. Then they fell.",
         ["Levels rose 2.4 times, i.e. a lot.", "Then they fell."]),
        ("See www.example.com/b12.html for more. Thanks.",
         ["See www.example.com/b12.html for more.", "Thanks."]),
        # Quotes and brackets stay with their sentence.
        ('She said "B12 cured me." Then she left. (It did not.) OK.',
         ['She said "B12 cured me."', "Then she left.", "(It did not.)", "OK."]),
        # Chat writing without capitals still splits.
        ("b12 cured my fatigue. totally recommend it!! lol",
         ["b12 cured my fatigue.", "totally recommend it!!", "lol"]),
        # A trailing-off "..." before more of the same sentence does not split it.
        ("I tried it... and it worked. Wow… Amazing.",
         ["I tried it... and it worked.", "Wow…", "Amazing."]),
        ("Vitamin D cures MS", ["Vitamin D cures MS"]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentences_end_at_their_marks_but_not_at_abbreviations_or_decimals(text, sentences):
    assert split_sentences(text) == sentences


def test_line_breaks_and_bullet_lists_end_sentences():
    text = (
        "Why our B12 is different\n"
        "Benefits:\n"
        "- Supports nerve health\n"
        "* Boosts energy\n"
        "• Eases MS fatigue\n"
        "1. Works in days\n"
        "2) No side effects\n"
        "\n"
        "Order today"
    )
    assert split_sentences(text) == [
        "Why our B12 is different", "Benefits:", "Supports nerve health", "Boosts energy",
        "Eases MS fatigue", "Works in days", "No side effects", "Order today",
    ]


def test_a_hard_wrapped_line_that_carries_on_in_lower_case_is_one_sentence():
    text = "High-dose B12 reduces MS fatigue and\nimproves mood.\r\nA second sentence."
    assert split_sentences(text) == [
        "High-dose B12 reduces MS fatigue and improves mood.", "A second sentence.",
    ]
    # A line that ends its sentence, or a blank line, always ends it.
    assert split_sentences("It works.\nreally it does\n\nand more") == [
        "It works.", "really it does", "and more",
    ]


def test_spaces_and_tabs_inside_a_sentence_are_tidied():
    assert split_sentences("  B12\t\thelps   MS.  ") == ["B12 helps MS."]


def test_a_run_on_is_cut_at_a_comma_or_a_space_into_readable_pieces():
    run_on = "B12 helps with fatigue, " * 40 + "and so on"
    pieces = split_sentences(run_on)
    assert len(pieces) > 1
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert all(piece.endswith(",") for piece in pieces[:-1])  # cut after a comma
    assert " ".join(pieces) == " ".join(run_on.split())  # nothing lost
    no_commas = "word " * 200
    pieces = split_sentences(no_commas)
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert " ".join(pieces).split() == no_commas.split()
    unbroken = "x" * (MAX_SENTENCE_CHARS * 2 + 5)
    assert [len(piece) for piece in split_sentences(unbroken)] == [
        MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5,
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vitamin D cures MS!",
        "Take B12 in the morning, because it gives you energy.",
        "High-dose methylcobalamin repairs myelin in people with MS.",
        "This supplement boosts your immune system.",
        "Turmeric capsules reverse MS damage.",
        "Our fish oil helps with brain fog.",
        "People with MS should take B12 every day.",
    ],
)
def test_sentences_that_promise_an_effect_of_something_taken_read_like_claims(sentence):
    assert reads_like_health_claim(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was diagnosed with MS in 2019.",  # MS, but no effect promised
        "It really helps a lot.",  # an effect, but of nothing named
        "Does B12 help MS?",  # a question, not a claim
        "B12 helps!",  # too short to judge
        "The weather was lovely at the weekend.",
        "Order today and get free delivery.",
    ],
)
def test_other_sentences_do_not(sentence):
    assert not reads_like_health_claim(sentence)
