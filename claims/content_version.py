"""The site-wide content version: bumped on every change to content that pages show.

Rendered public pages are cached under it (see claims.views), so the cache can never serve a
page built from older content, whether the cache is per process or shared. Bumping is
infrastructure, not domain logic, which is why it listens to model signals.
"""

from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

# Apps whose rows appear on public pages.
CONTENT_APPS = ("claims", "assessments")


def current():
    """The version row (one query). Created if a test or a flush removed it."""
    from claims.models import ContentVersion

    version = ContentVersion.objects.filter(pk=1).first()
    if version is None:
        version, _ = ContentVersion.objects.get_or_create(
            pk=1, defaults={"changed_at": timezone.now()}
        )
    return version


def bump(**kwargs):
    from claims.models import ContentVersion

    updated = ContentVersion.objects.filter(pk=1).update(
        number=F("number") + 1, changed_at=timezone.now()
    )
    if not updated:
        ContentVersion.objects.get_or_create(pk=1, defaults={"changed_at": timezone.now()})


def connect(apps) -> None:
    from claims.models import ContentVersion

    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model is ContentVersion or model.__name__.startswith("Historical"):
                continue
            uid = f"content-version-{model._meta.label_lower}"
            post_save.connect(bump, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(bump, sender=model, dispatch_uid=uid + "-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(bump, sender=field.remote_field.through,
                                    dispatch_uid=f"{uid}-{field.name}")
