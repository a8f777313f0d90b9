"""The page cache app: at start-up, every save in a content app is made to bump the version."""

from django.apps import AppConfig


class PagecacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from django.apps import apps

        from pagecache import content_version

        content_version.connect(apps)
