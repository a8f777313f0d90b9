"""WSGI entry point for gunicorn: `gunicorn config.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# What loading the application made (modules, functions, classes, URL patterns, templates'
# libraries: about 150,000 objects) lives as long as the process. Frozen, the garbage
# collector no longer walks it at each full collection, which otherwise held a request up for
# 100 ms or more (bench/RESULTS.md, "Search at the tail").
gc.collect()
gc.freeze()
