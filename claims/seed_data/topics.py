"""The first topic. Its claims live in b12_claims.py."""

B12_TOPIC = {
    "slug": "vitamin-b12-and-ms",
    "title": "Vitamin B12 and MS",
    "summary": (
        "What the evidence says about common claims on vitamin B12 and multiple sclerosis, "
        "from testing to supplements."
    ),
    "intro_md": (
        "Vitamin B12 helps keep your nerves and blood healthy. A lack of B12 can cause "
        "tiredness, tingling and problems with balance or memory. These can look a lot like "
        "MS, so doctors often check B12 when they look into new nerve symptoms.\n\n"
        "Many claims about B12 and MS go further than the evidence. Some come from sellers of "
        "supplements. Here we set each claim beside what good research and guidelines say. "
        "We write for people in the UK, so UK advice and services come first.\n\n"
        "In short: low B12 is worth finding and treating. But there is no good evidence that "
        "extra B12 helps MS if your level is normal."
    ),
    "what_to_do_md": (
        "- If you think your B12 might be low, ask your GP for a blood test. This is better "
        "than taking B12 on your own.\n"
        "- Talk to your GP or MS team about any new or changing symptoms. Do not assume they "
        "are from MS, or from low B12.\n"
        "- Before a blood test, tell them about every supplement you take. Some, like B12 and "
        "biotin, can change the results.\n"
        "- If a test shows a lack of B12, your doctor will plan the treatment with you.\n"
        "- Get urgent medical help if you suddenly lose sight, get new weakness or numbness "
        "that spreads over hours to days, or lose control of your bladder."
    ),
    "order": 1,
    "is_published": True,
}
