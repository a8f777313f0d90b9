"""Rendered public pages cached under a site-wide content version: infrastructure, not claims.

It imports no other app of the project (import-linter holds this): the pages it wraps say
which variant a request gets, and settings.PAGECACHE_CONTENT_APPS says whose saves change
the content.
"""
