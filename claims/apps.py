from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and evidence"

    def ready(self):
        from django.apps import apps

        import config.checks  # noqa: F401  (registers the site's deploy checks)
        from claims import content_version

        content_version.connect(apps)
