"""Reads for the public claim pages: each selector owns its joins and prefetches."""

from claims.models import Topic


def topics_for_home():
    return list(Topic.objects.filter(is_published=True).order_by("order", "title"))
