"""Demo content for the site, built from the facts in the association's own pages.

Each module builds one part and is idempotent: it looks up what it would create and leaves
existing content alone, so ``load_demo`` can run any number of times.
"""
