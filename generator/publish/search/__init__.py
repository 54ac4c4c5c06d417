"""The portal's own search index (replaces Pagefind): see index.py for the files it writes,
words.py for the keys, extract.py for what of a page is indexed, process.py for how a build
makes it beside MkDocs, and content/assets/tim-kiem.js (loaded by search.js) for the other end."""
