"""The static site for the public: the app's judgements as plain files any web server or CDN can serve.

`publish(dataset, out)` (publish.py) writes it; `content.py` says what each page says (in the locale's words),
`templates/` lay it out, `layout.py` places the files, `state.py` remembers what was written so the next
publication rewrites only what changed. See docs/publishing.md.
"""
