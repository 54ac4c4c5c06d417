"""Read and check: the data files of data/ become the catalog (catalog.py), every problem with
its file and line (errors.py). Imports neither pages/ nor publish/ (tests/unit/test_architecture.py)."""
