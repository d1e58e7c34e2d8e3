"""Every piece of text shown to people, in Chinese and English, by key. Read it through `present.locale.Locale`.

One module per part of the product, merged here; a key is defined once (a test holds every key unique and
every entry complete in both languages).
"""

from __future__ import annotations

from dashboard.present.catalogue import core, editor, exports, plans, propose, reasons, report, site, web

PARTS = (core, reasons, web, site, exports, editor, propose, report, plans)

CATALOGUE: dict[str, dict[str, str]] = {}
for _part in PARTS:
    for _key, _entry in _part.ENTRIES.items():
        if _key in CATALOGUE:
            raise ValueError(f"catalogue key {_key!r} is defined twice ({_part.__name__})")
        CATALOGUE[_key] = _entry
