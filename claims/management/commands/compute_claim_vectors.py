"""Compute the vectors that matching by meaning compares with (claims.search.vectors)."""

import time

from django.core.management.base import BaseCommand, CommandError

from claims.models import PUBLIC_STATES, Claim, ClaimVector
from claims.search import embeddings
from claims.search.vectors import claim_vectors_update


class Command(BaseCommand):
    help = (
        "Compute the vectors of every published claim whose texts changed since they were "
        "computed (or of all of them with --all). Publication and imports do this as they go; "
        "run it after a change of embedding model, or to fill in claims written another way."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Recompute every published claim's vectors."
        )

    def handle(self, *args, **options):
        if not embeddings.available():
            raise CommandError(
                f"The embedding model {embeddings.MODEL_NAME} did not load; nothing computed."
            )
        started = time.perf_counter()
        computed = claim_vectors_update(force=options["all"])
        seconds = time.perf_counter() - started
        published = Claim.objects.filter(state__in=PUBLIC_STATES).count()
        current = ClaimVector.objects.filter(
            claim__state__in=PUBLIC_STATES, model_name=embeddings.MODEL_NAME
        ).count()
        self.stdout.write(
            f"Computed the vectors of {computed} claims in {seconds:.1f} s "
            f"({embeddings.MODEL_NAME}); {current} of {published} published claims have them."
        )
