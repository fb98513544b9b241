"""Marketplace listings checked against the marketplaces themselves (issue 17).

``chinar listings check`` fetches listing pages (``fetch``: aiohttp, polite and bounded), reads what a
page states about the product (``structured``: schema.org JSON-LD or microdata through extruct),
classifies each listing (``outcome``) and, run by the CMS (``manage.py check_listings``), writes the
results back where editors work. ``feed`` reads marketplace seller feeds for
``chinar listings import``. ``prices`` parses a price written by a person or a feed. Nothing here
imports Django: the CMS imports this package, never the other way round.
"""
