"""Measurement harness: load, fault and Lighthouse scripts; not part of the app or its tests."""
