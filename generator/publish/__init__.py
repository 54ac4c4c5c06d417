"""What is published beside the pages: open data, feeds and calendars (sidefiles.py), the search
index (search/), made in helper processes (child.py). Imports model/ and pages/."""
