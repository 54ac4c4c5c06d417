"""The catalog as pages: page specs (specs.py), their typed contexts (contexts/), the templates
and their HTML. Imports model/, never publish/ (tests/unit/test_architecture.py)."""
