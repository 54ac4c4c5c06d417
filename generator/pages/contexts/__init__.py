"""Typed page contexts: one dataclass per page kind holding exactly what its template shows,
built from the catalog in Python (where the display rules live and are tested). Templates only
lay these out; they never query the catalog."""
