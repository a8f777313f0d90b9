"""Splitting a pasted text (a post, a message, a shop page) into the sentences a reader would
count, and telling which of them read like a health claim.

Plain rules, no model: a sentence ends at ".", "!", "?" or "…" followed by a space, at a
blank line, at a bullet, and at a line break unless the next line carries on in lower case
(a hard-wrapped email). Abbreviations ("e.g.", "Dr.") and decimals ("2.4") do not end one;
a run-on longer than MAX_SENTENCE_CHARS is cut at a comma, a dash or a space.
"""

import re

MAX_SENTENCE_CHARS = 300

# Words that a full stop follows without ending the sentence, because a word comes after them
# (compared case-sensitively, so "Ms." the title is one but "MS." ends a sentence about MS).
# Units and "etc." are left out: a sentence often ends with them.
ABBREVIATIONS = frozenset({
    "Dr", "Drs", "Mr", "Mrs", "Ms", "Mx", "Prof", "Sr", "Jr", "St", "vs", "approx", "ca",
    "cf", "al", "fig", "Fig", "incl", "esp",
})
# "e.g.", "i.e.", "a.m.", "U.K.": letters each followed by a full stop.
DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")

BULLET = re.compile(r"^\s*(?:[-*•·‣◦▪▫●○■□–—→>✓✔✅☑]+|\(?\d{1,3}[.)]|\(?[a-zA-Z][)])\s+")
# A sentence's end: its mark(s), any closing quotes or brackets, then a space.
END = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)")
SOFT_BREAKS = (", ", "; ", ": ", " - ", " – ", " — ")


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, in order, each on one line with its spaces tidied."""
    sentences = []
    for block in _blocks(text):
        for sentence in _split_block(block):
            sentences += _cut_run_on(sentence)
    return sentences


def _blocks(text: str) -> list[str]:
    """Paragraphs and bullet items: the pieces no sentence runs across."""
    blocks: list[str] = []
    carry_on = False  # whether the next line may continue the current block
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if not stripped:
            carry_on = False
            continue
        bullet = BULLET.match(line)
        if bullet:
            stripped = line[bullet.end():].strip()
            if not stripped:
                continue
        if carry_on and not bullet and stripped[0].islower() and blocks:
            blocks[-1] += " " + stripped
        else:
            blocks.append(stripped)
        carry_on = not stripped.endswith((".", "!", "?", "…"))
    return blocks


def _split_block(block: str) -> list[str]:
    sentences, start = [], 0
    for end in END.finditer(block):
        mark, after = end.group(1), block[end.end():end.end() + 1]
        if mark == "." and _ends_in_abbreviation(block[start:end.start()]):
            continue
        if (mark.startswith("..") or "…" in mark) and after.islower():
            continue  # a trailing-off "..." before more of the same sentence
        sentences.append(block[start:end.end(2)])
        start = end.end()
    sentences.append(block[start:])
    return [tidy for sentence in sentences if (tidy := " ".join(sentence.split()))]


def _ends_in_abbreviation(before: str) -> bool:
    words = before.split()
    if not words:
        return False
    last = words[-1].lstrip("(\"'“‘")
    return last in ABBREVIATIONS or bool(DOTTED.search(last + "."))


def _cut_run_on(sentence: str) -> list[str]:
    """A sentence too long to read as one claim, in pieces of at most MAX_SENTENCE_CHARS."""
    pieces = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        window = sentence[:MAX_SENTENCE_CHARS]
        cut = max(window.rfind(mark) + len(mark) - 1 for mark in SOFT_BREAKS)
        if cut < MAX_SENTENCE_CHARS // 3:  # no comma or dash in a useful place: a space
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_SENTENCE_CHARS
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    if sentence:
        pieces.append(sentence)
    return pieces


# --- does a sentence read like a health claim? ----------------------------------------------
# Something taken or done (a supplement, a vitamin, a treatment, a diet) or MS itself, and a
# word that promises an effect. Both are needed: "I take B12" and "it helps" alone are not.

SUBJECT_WORDS = re.compile(
    r"\b(?:ms|multiple sclerosis|supplements?|vitamins?|b\s?-?12|b\s?-?6|d\s?-?3|minerals?"
    r"|magnesium|zinc|iron|folate|folic|omega|fish oil|oil|cbd|cannabis|probiotics?|curcumin"
    r"|turmeric|herbs?|herbal|remed(?:y|ies)|treatments?|therap(?:y|ies)|drugs?|medicines?"
    r"|medications?|pills?|tablets?|capsules?|injections?|jabs?|shots?|diet|fasting|keto"
    r"|cobalamin|\w+cobalamin|lion'?s mane|mushrooms?|stem cells?|detox|cleanse)\b",
    re.IGNORECASE,
)
EFFECT_WORDS = re.compile(
    r"\b(?:cur(?:e|es|ed|ing)|heal(?:s|ed|ing)?|treat(?:s|ed|ing)?|revers(?:e|es|ed|ing)"
    r"|repair(?:s|ed|ing)?|prevent(?:s|ed|ing)?|protect(?:s|ed|ing)?|boost(?:s|ed|ing)?"
    r"|improv(?:e|es|ed|ing)|help(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|eas(?:e|es|ed|ing)"
    r"|reliev(?:e|es|ed|ing)|fix(?:es|ed|ing)?|stop(?:s|ped|ping)?|slow(?:s|ed|ing)?"
    r"|fight(?:s|ing)?|support(?:s|ed|ing)?|restor(?:e|es|ed|ing)|regenerat\w*|remyelinat\w*"
    r"|works?|worked|effective|benefits?|essential|must|should|miracle|energi[sz]\w*|energy"
    r"|better|cause[sd]?|causing|lowers?|raises?|absorb\w*)\b",
    re.IGNORECASE,
)
MIN_CLAIM_WORDS = 4


def reads_like_health_claim(sentence: str) -> bool:
    """Whether a sentence names something taken or done for health (or MS) and an effect."""
    if len(sentence.split()) < MIN_CLAIM_WORDS or sentence.rstrip().endswith("?"):
        return False
    return bool(SUBJECT_WORDS.search(sentence) and EFFECT_WORDS.search(sentence))
