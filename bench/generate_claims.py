"""Bulk-creates N approved claims of realistic size in generated topics, for load measurements.

Run with DJANGO_SETTINGS_MODULE=bench.settings after migrate and load_seed_content:

    .venv/bin/python bench/generate_claims.py --claims 10000 [--per-topic 100] [--seed 1]
        [--vectors model|random|none]

Topics are "bench-topic-1", "bench-topic-2", ... with --per-topic claims each (the last may
have fewer). Text comes from a fixed word list and a fixed random seed, so two runs with the
same arguments write the same rows. Each topic has a theme (B12, vitamin D, diet, ...) whose
words appear in its claims, so a query such as "sublingual b12" matches about one topic in
eight, not every claim. Claims are approved, with 3-5 evidence items from the seeded sources.

bulk_create skips Claim.save(), so the derived fields are set here the same way save() sets
them (render_markdown and claim_search_fields). No history rows are written: public pages
never read them.

Matching by meaning reads each public claim's stored vectors (ClaimVector). --vectors model
(the default) computes them with the product's model, as publishing does, so similarities
have the spread real text gives them; random stores random unit rows of the model's shape,
which cost the index the same to build and hold (bench/index_scale.py at 100,000 claims);
none stores nothing, and search then ranks the generated claims by their words alone.
"""

import argparse
import datetime
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COMMON = """
about after again against all also always amount another answer anyone around ask asked
away back based because before being believe better between body both brain came care cause
caused causes cells change changes check checked checks clear clinic common condition could
daily day days definite describe describes different difficult doctor doctors does doing dose
during early effect effects enough even every evidence example expect explain fact family
feel feeling few find finding first follow found general give given good group groups guidance
happen health healthy help helps high however idea important include including increase
information just keep kind known large last later least less level levels life light likely
little long look looked looking lower made make many may mean means measure medical might
more most much need needed needs nerve nerves never new normal nurse often older only other
over part patients people person place plan point possible problem problems question rather
read reason recent relapse relapses report reported research result results review risk safe
same say says seen sense several should show showed shows side sign signs simple since single
small some something still studies study support sure symptom symptoms take taken taking talk
team tell test tested tests than their them there these they thing think those though through
time times together took treatment treatments trial trials true under until usual very want
week weeks well were what when where whether which while who whole why will with without
work worse would year years young
""".split()

CLINICAL = """
adjunctive aetiology association baseline biomarker bias blinded cohort confounding
controlled cross-sectional demyelination disability EDSS efficacy endpoint heterogeneity
incidence inflammatory intervention lesion longitudinal meta-analysis methodology MRI
neurodegeneration observational outcome pathophysiology placebo plausible population
prevalence progression prospective randomised relapsing remitting retrospective sample
secondary serum significant statistical systematic underpowered
""".split()

# Each theme: the words its claims are about. B12 comes first, so bench-topic-1 is about B12.
THEMES = {
    "vitamin B12": "b12 cobalamin sublingual injections methylcobalamin homocysteine "
    "deficiency absorption tablets intrinsic factor",
    "vitamin D": "vitamin d3 sunlight cholecalciferol calcium supplements deficiency winter "
    "levels bones",
    "diet": "diet fasting gluten dairy paleo swank wahls keto sugar processed food",
    "exercise": "exercise walking strength balance yoga physiotherapy fatigue stretching "
    "aerobic training",
    "fatigue": "fatigue tiredness energy sleep amantadine modafinil pacing heat rest naps",
    "gut": "gut microbiome probiotics bacteria bowel fibre yoghurt prebiotic stool flora",
    "cannabis": "cannabis cbd spasticity pain nabiximols oil thc stiffness cramps spasms",
    "biotin": "biotin high-dose progressive md1003 vitamin h test interference lab assays",
}

FIRST = ["Taking", "Regular", "Daily", "High-dose", "Cutting out", "Adding", "Avoiding", "More"]
OUTCOMES = [
    "slows MS progression", "stops relapses", "repairs damaged nerves", "cures MS fatigue",
    "reverses MS disability", "reduces MS lesions on MRI", "protects the brain in MS",
    "improves walking in MS", "lowers the risk of getting MS", "eases MS symptoms",
]


class Writer:
    """Sentences and paragraphs of realistic length from the fixed word lists."""

    def __init__(self, rng: random.Random, theme_words: list[str]):
        self.rng = rng
        self.theme = theme_words

    def words(self, n: int, clinical: bool = False) -> list[str]:
        out = []
        for _ in range(n):
            roll = self.rng.random()
            if roll < 0.15:
                out.append(self.rng.choice(self.theme))
            elif clinical and roll < 0.35:
                out.append(self.rng.choice(CLINICAL))
            else:
                out.append(self.rng.choice(COMMON))
        return out

    def sentence(self, low: int = 8, high: int = 20, clinical: bool = False) -> str:
        words = self.words(self.rng.randint(low, high), clinical)
        if self.rng.random() < 0.2:
            words.insert(self.rng.randrange(len(words)), "MS")
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words) + "."

    def paragraphs(self, total_words: int, clinical: bool = False) -> str:
        paragraphs, count = [], 0
        while count < total_words:
            sentences = [self.sentence(clinical=clinical) for _ in range(self.rng.randint(3, 6))]
            if self.rng.random() < 0.3:
                word = self.rng.choice(self.theme)
                sentences[0] = sentences[0].replace(word, f"**{word}**", 1)
            text = " ".join(sentences)
            count += len(text.split())
            paragraphs.append(text)
        return "\n\n".join(paragraphs)

    def bullets(self, low: int = 3, high: int = 5) -> str:
        return "\n".join(
            f"- {self.sentence(12, 25)}" for _ in range(self.rng.randint(low, high))
        )


def claim_rows(task: tuple) -> tuple[dict, list[dict]]:
    """One claim's field values and its evidence rows (indexes into verdicts/sources/grades).

    Pure computation, run in worker processes: each claim has its own random generator, so
    the output does not depend on how the work is split.
    """
    from django.utils.text import slugify

    from claims.rich_text import render_markdown
    from claims.text import claim_search_fields

    seed, topic_index, number, theme, n_verdicts, n_sources, n_grades, today = task
    rng = random.Random(f"{seed}-{topic_index}-{number}")
    theme_words = THEMES[theme].split()
    writer = Writer(rng, theme_words)
    subject = f"{rng.choice(FIRST)} {rng.choice(theme_words)}"
    text = f"{subject} {rng.choice(OUTCOMES)} ({' '.join(writer.words(rng.randint(3, 8)))})."
    short = text[:75].rsplit(" ", 1)[0] if len(text) > 75 else text
    slug = slugify(f"bench-{topic_index}-{number}-{' '.join(text.split()[:5])}")[:80]
    reviewed = today - datetime.timedelta(days=rng.randint(1, 300))
    claim = {
        "number": number,
        "slug": slug.strip("-"),
        "text": text,
        "short_wording": short,
        "verdict_index": rng.randrange(n_verdicts),
        "verdict_reason": writer.sentence(15, 25)[:200],
        "patient_summary_md": writer.paragraphs(rng.randint(250, 400)),
        "clinician_summary_md": writer.paragraphs(rng.randint(200, 350), clinical=True),
        "what_to_do_md": writer.bullets(),
        "aliases": "\n".join(
            " ".join(writer.words(rng.randint(3, 6))) for _ in range(rng.randint(3, 6))
        ),
        "no_guideline_note": writer.sentence(15, 30) if rng.random() < 0.3 else "",
        "first_published": reviewed - datetime.timedelta(days=rng.randint(0, 400)),
        "last_reviewed": reviewed,
        "next_review_due": reviewed + datetime.timedelta(days=365),
    }
    # What Claim.save() derives; bulk_create does not call save().
    claim["patient_summary_html"] = render_markdown(claim["patient_summary_md"])
    claim["clinician_summary_html"] = render_markdown(claim["clinician_summary_md"])
    claim["what_to_do_html"] = render_markdown(claim["what_to_do_md"])
    claim.update(
        claim_search_fields(
            **{name: claim[name] for name in (
                "text", "short_wording", "aliases", "patient_summary_md", "verdict_reason"
            )}
        )
    )
    evidence = [
        {
            "source_index": source_index,
            "direction": rng.choice(["supports", "contradicts", "context"]),
            "finding": writer.sentence(30, 60),
            "clinician_finding": writer.sentence(30, 60, clinical=True),
            "grade_index": rng.randrange(n_grades) if n_grades and rng.random() < 0.5 else None,
            "verified": rng.random() < 0.7,
            "order": order,
        }
        for order, source_index in enumerate(
            rng.sample(range(n_sources), rng.randint(3, min(5, n_sources))), start=1
        )
    ]
    return claim, evidence


def generate(n_claims: int, per_topic: int, seed: int, processes: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connections, transaction

    from claims.models import Claim, Evidence, Grade, ReviewState, Source, Topic, Verdict
    from claims.rich_text import render_markdown

    if Topic.objects.filter(slug__startswith="bench-topic-").exists():
        sys.exit("bench topics already exist: use a fresh database (bench/load.sh makes one)")
    verdicts = list(Verdict.objects.all())
    sources = list(Source.objects.all())
    grades = list(Grade.objects.all())
    if not verdicts or len(sources) < 3:
        sys.exit("no seed content: run manage.py load_seed_content first")

    started = time.monotonic()
    today = datetime.date.today()
    theme_names = list(THEMES)
    n_topics = (n_claims + per_topic - 1) // per_topic
    tasks = [
        (seed, topic_index, number, theme_names[(topic_index - 1) % len(theme_names)],
         len(verdicts), len(sources), len(grades), today)
        for topic_index in range(1, n_topics + 1)
        for number in range(1, min(per_topic, n_claims - (topic_index - 1) * per_topic) + 1)
    ]
    # Markdown rendering is the slow part; forked workers must not share the DB connection.
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        rows = pool.map(claim_rows, tasks, chunksize=50)
    print(f"  rendered {len(rows)} claims ({time.monotonic() - started:.0f} s)", file=sys.stderr)

    rng = random.Random(seed)
    with transaction.atomic():
        reviewer, _ = get_user_model().objects.get_or_create(
            username="bench-reviewer",
            defaults={"first_name": "Bench", "last_name": "Reviewer", "is_active": False},
        )
        topics = []
        for index in range(1, n_topics + 1):
            theme = theme_names[(index - 1) % len(theme_names)]
            writer = Writer(rng, THEMES[theme].split())
            intro = writer.paragraphs(120)
            what_to_do = writer.bullets()
            topics.append(
                Topic(
                    slug=f"bench-topic-{index}",
                    title=f"Bench topic {index}: {theme}",
                    summary=writer.sentence(12, 25)[:300],
                    intro_md=intro,
                    intro_html=render_markdown(intro),
                    what_to_do_md=what_to_do,
                    what_to_do_html=render_markdown(what_to_do),
                    is_published=True,
                    order=100 + index,
                )
            )
        topics = Topic.objects.bulk_create(topics)

        claims = []
        for task, (fields, _) in zip(tasks, rows, strict=True):
            fields = dict(fields)
            claims.append(
                Claim(
                    topic=topics[task[1] - 1],
                    verdict=verdicts[fields.pop("verdict_index")],
                    state=ReviewState.APPROVED,
                    reviewed_by=reviewer,
                    **fields,
                )
            )
        claims = Claim.objects.bulk_create(claims, batch_size=500)
        evidence = [
            Evidence(
                claim=claim,
                source=sources[item["source_index"]],
                grade=None if item["grade_index"] is None else grades[item["grade_index"]],
                **{key: value for key, value in item.items() if not key.endswith("_index")},
            )
            for claim, (_, items) in zip(claims, rows, strict=True)
            for item in items
        ]
        Evidence.objects.bulk_create(evidence, batch_size=2000)

    sample = Claim.objects.filter(topic__slug="bench-topic-1").order_by("number").first()
    words = len(sample.patient_summary_md.split()) + len(sample.clinician_summary_md.split())
    print(
        f"generated {len(claims)} claims in {n_topics} topics, {len(evidence)} evidence items "
        f"({time.monotonic() - started:.0f} s); first claim: /claims/{sample.slug}/ "
        f"({words} summary words)",
        file=sys.stderr,
    )


def store_vectors(how: str) -> str:
    """Stored vectors for every public claim that has none (see the module's docstring);
    a line saying what was stored and how long it took."""
    import numpy as np

    from claims.models import Claim, ClaimVector
    from claims.search import embeddings, vectors

    started = time.monotonic()
    if how == "none":
        return "no vectors stored for the generated claims (--vectors none)"
    if how == "model":
        count = vectors.claim_vectors_update()
        return (f"vectors computed by the model for {count:,} claims in "
                f"{time.monotonic() - started:.0f} s")
    have = set(ClaimVector.objects.values_list("claim_id", flat=True))
    missing = [i for i in Claim.objects.public().values_list("id", flat=True) if i not in have]
    rng = np.random.default_rng(1)
    for at in range(0, len(missing), 5000):
        chunk = missing[at:at + 5000]
        # The mean, then wording and aliases: the rows a claim with no origins gets.
        data = rng.standard_normal((len(chunk), 3, embeddings.DIMENSIONS)).astype(np.float32)
        data /= np.linalg.norm(data, axis=2, keepdims=True)
        ClaimVector.objects.bulk_create(
            [ClaimVector(claim_id=claim_id, model_name=embeddings.MODEL_NAME,
                         text_hash="random (bench/generate_claims.py)",
                         dimensions=embeddings.DIMENSIONS, vectors=data[k].tobytes())
             for k, claim_id in enumerate(chunk)],
            batch_size=1000,
        )
    return (f"random vectors stored for {len(missing):,} claims in "
            f"{time.monotonic() - started:.0f} s")


VECTOR_CHOICES = ("model", "random", "none")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--per-topic", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--vectors", choices=VECTOR_CHOICES, default="model")
    args = parser.parse_args()
    if args.claims < 1 or args.per_topic < 1:
        parser.error("--claims and --per-topic must be at least 1")

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    generate(args.claims, args.per_topic, args.seed, max(1, args.processes))
    print(store_vectors(args.vectors), file=sys.stderr)


if __name__ == "__main__":
    main()
