"""Seed content shipped with the app, compiled from ../shared/content/evidence-brief.md."""
