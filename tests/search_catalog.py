"""The search relevance catalog: small and fixed, so that each row of the relevance table tests one feature
of the analysis or the ranking (importable by test modules; conftest.py is not)."""

from __future__ import annotations

import json
from pathlib import Path

from chinar.search.analysis import script

DISTRICTS = {  # key: (en, hi, ur, division)
    "srinagar": ("Srinagar", "श्रीनगर", "سری نگر", "Kashmir"),
    "budgam": ("Budgam", "बडगाम", "بڈگام", "Kashmir"),
    "anantnag": ("Anantnag", "अनंतनाग", "اننت ناگ", "Kashmir"),
    "baramulla": ("Baramulla", "बारामूला", "بارہمولہ", "Kashmir"),
    "kupwara": ("Kupwara", "कुपवाड़ा", "کپواڑہ", "Kashmir"),
    "kathua": ("Kathua", "कठुआ", "کٹھوعہ", "Jammu"),
    "jammu": ("Jammu", "जम्मू", "جموں", "Jammu"),
}


CRAFTS = {  # key: (en, hi, ur, aliases, districts, summary)
    "sozni": (
        "Sozni embroidery",
        "सोज़नी कढ़ाई",
        "سوزنی کڑھائی",
        ["sozani", "सोजनी", "سوزنی"],
        ["srinagar"],
        "Fine needle embroidery worked on pashmina shawls.",
    ),
    "kani": (
        "Kani shawl weaving",
        "कानी शॉल बुनाई",
        "کانی شال بافی",
        ["kanee", "kanikar", "कानी", "کانی"],
        ["budgam", "srinagar"],
        "Shawls woven with small wooden spools called tojis.",
    ),
    "pashmina": (
        "Pashmina weaving",
        "पश्मीना बुनाई",
        "پشمینہ بافی",
        ["pashm", "पश्मीना", "پشمینہ"],
        ["srinagar", "anantnag"],
        "Hand-spun, hand-woven fine goat wool.",
    ),
    "papier-mache": (
        "Papier-mâché",
        "पेपर माशी",
        "پیپر ماشی",
        ["papier mache", "kar-e-kalamdani", "पेपर माशी"],
        ["srinagar"],
        "Painted boxes, bowls and ornaments of paper pulp.",
    ),
    "walnut-wood-carving": (
        "Walnut wood carving",
        "अखरोट लकड़ी नक्काशी",
        "اخروٹ کی لکڑی کی کندہ کاری",
        ["akhrot", "अखरोट", "اخروٹ"],
        ["srinagar", "anantnag"],
        "Carved walnut furniture and boxes.",
    ),
    "namda": (
        "Namda felt rugs",
        "नमदा",
        "نمدہ",
        ["numdah", "नमदा", "نمدہ"],
        ["baramulla"],
        "Felted wool rugs embroidered with chain stitch.",
    ),
    "basohli-painting": (
        "Basohli painting",
        "बसोहली चित्रकला",
        "بسوہلی مصوری",
        ["basoli", "बसोहली", "بسوہلی"],
        ["kathua"],
        "Miniature painting with bold colours from Basohli.",
    ),
    "carpet": (
        "Hand-knotted carpets",
        "हाथ से बुने कालीन",
        "ہاتھ سے بنے قالین",
        ["kaleen", "qaleen", "कालीन", "قالین"],
        ["srinagar", "budgam"],
        "Silk and wool carpets knotted by hand.",
    ),
}


ARTISANS = [  # key, en name, hi name, ur name, crafts, district, bio
    (
        "ghulam-nabi-dar",
        "Ghulam Nabi Dar",
        "ग़ुलाम नबी डार",
        "غلام نبی ڈار",
        ["walnut-wood-carving"],
        "srinagar",
        "Carves chinar leaves into walnut tables.",
    ),
    (
        "mohammad-yusuf-bhat",
        "Mohammad Yusuf Bhat",
        "मोहम्मद यूसुफ़ भट",
        "محمد یوسف بھٹ",
        ["papier-mache"],
        "srinagar",
        "Paints papier-mâché boxes with birds and flowers.",
    ),
    (
        "shazia-akhter",
        "Shazia Akhter",
        "शाज़िया अख़्तर",
        "شازیہ اختر",
        ["sozni"],
        "srinagar",
        "Leads a group of twelve women embroiderers.",
    ),
    (
        "farooq-ahmad-kanihama",
        "Farooq Ahmad",
        "फ़ारूक़ अहमद",
        "فاروق احمد",
        ["kani"],
        "budgam",
        "Weaves kani shawls on a loom in Kanihama.",
    ),
    (
        "rafiqa-bano",
        "Rafiqa Bano",
        "रफ़ीक़ा बानो",
        "رفیقہ بانو",
        ["pashmina"],
        "anantnag",
        "Spins pashmina yarn on a yinder wheel.",
    ),
    (
        "abdul-rashid-ganai",
        "Abdul Rashid Ganai",
        "अब्दुल रशीद गनाई",
        "عبدالرشید گنائی",
        ["namda"],
        "baramulla",
        "Makes namda rugs with his brothers.",
    ),
    (
        "kewal-krishan",
        "Kewal Krishan",
        "केवल कृष्ण",
        "کیول کرشن",
        ["basohli-painting"],
        "kathua",
        "Paints Basohli miniatures with natural pigments.",
    ),
    (
        "mehraj-ud-din-mir",
        "Mehraj-ud-Din Mir",
        "मेहराज उद दीन मीर",
        "معراج الدین میر",
        ["carpet"],
        "budgam",
        "Reads talim, the coded script carpet weavers follow.",
    ),
    (
        "nighat-jan",
        "Nighat Jan",
        "निघत जान",
        "نگہت جان",
        ["sozni", "pashmina"],
        "srinagar",
        "Embroiders sozni borders on pashmina stoles.",
    ),
    (
        "bashir-ahmad-shah",
        "Bashir Ahmad Shah",
        "बशीर अहमद शाह",
        "بشیر احمد شاہ",
        ["walnut-wood-carving"],
        "anantnag",
        "Makes jewellery boxes of walnut wood.",
    ),
]


PRODUCTS = [  # key, title en, title hi (or None), artisan, price, materials
    (
        "kani-shawl-jamawar",
        "Kani pashmina shawl, jamawar pattern",
        "कानी पश्मीना शॉल, जामावार",
        "farooq-ahmad-kanihama",
        185000,
        ["pashmina"],
    ),
    ("kani-stole-red", "Kani stole in red", None, "farooq-ahmad-kanihama", 42000, ["pashmina"]),
    (
        "sozni-stole-paisley",
        "Sozni pashmina stole, paisley border",
        "सोज़नी पश्मीना स्टोल",
        "shazia-akhter",
        18500,
        ["pashmina", "silk thread"],
    ),
    (
        "sozni-shawl-black",
        "Black pashmina shawl with sozni jaal",
        "काली पश्मीना शॉल, सोज़नी जाल",
        "nighat-jan",
        64000,
        ["pashmina"],
    ),
    (
        "plain-pashmina-shawl",
        "Plain pashmina shawl, natural grey",
        "सादी पश्मीना शॉल",
        "rafiqa-bano",
        24000,
        ["pashmina"],
    ),
    (
        "walnut-jewellery-box",
        "Walnut wood jewellery box",
        "अखरोट की लकड़ी का गहनों का डिब्बा",
        "bashir-ahmad-shah",
        4500,
        ["walnut wood"],
    ),
    (
        "walnut-coffee-table",
        "Carved walnut coffee table, chinar leaf",
        None,
        "ghulam-nabi-dar",
        95000,
        ["walnut wood"],
    ),
    (
        "papier-mache-box-birds",
        "Papier-mâché box with birds",
        "पक्षियों वाला पेपर माशी डिब्बा",
        "mohammad-yusuf-bhat",
        2200,
        ["paper pulp"],
    ),
    (
        "papier-mache-christmas-baubles",
        "Papier-mâché Christmas baubles, set of six",
        None,
        "mohammad-yusuf-bhat",
        1500,
        ["paper pulp"],
    ),
    (
        "namda-rug-floral",
        "Namda rug, floral chain stitch",
        "नमदा दरी, फूलदार",
        "abdul-rashid-ganai",
        7800,
        ["wool felt"],
    ),
    (
        "basohli-miniature-krishna",
        "Basohli miniature: Krishna with cows",
        None,
        "kewal-krishan",
        30000,
        ["natural pigments"],
    ),
    (
        "silk-carpet-tree-of-life",
        "Silk carpet, tree of life",
        "रेशमी कालीन, जीवन वृक्ष",
        "mehraj-ud-din-mir",
        350000,
        ["silk"],
    ),
]


STORIES = [
    (
        "the-talim-code",
        "The talim code",
        "How carpet weavers read a pattern written in symbols.",
        ["mehraj-ud-din-mir"],
        ["carpet"],
    ),
    (
        "a-winter-of-sozni",
        "A winter of sozni",
        "One shawl, a whole season of needlework.",
        ["shazia-akhter"],
        ["sozni"],
    ),
]


CONSENT = {"reference": "CONSENT-TEST", "date": "2026-01-15", "covers": ["profile", "photos", "products"]}


def write(root: Path, folder: str, key: str, locale: str, record: dict) -> None:
    path = root / folder / f"{key}.{locale}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    base = {"id": f"{record['type']}-{key}-{locale}", "slug": key, "locale": locale, "translation_key": key}
    path.write_text(json.dumps({**base, **record}, ensure_ascii=False, indent=1), encoding="utf-8")


def write_relevance_catalog(root: Path) -> Path:
    """A small valid catalog (en/hi/ur) with the crafts, places and names the relevance table asks for."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "manifest.json").write_text('{"schema_version": 2}')
    for key, (en, hi, ur, division) in DISTRICTS.items():
        for loc, name in (("en", en), ("hi", hi), ("ur", ur)):
            write(
                root,
                "districts",
                key,
                loc,
                {
                    "type": "district",
                    "name": name,
                    "division": division,
                    "summary": f"{en} district of {division}.",
                },
            )
    for key, (en, hi, ur, aliases, districts, summary) in CRAFTS.items():
        for loc, name in (("en", en), ("hi", hi), ("ur", ur)):
            write(
                root,
                "crafts",
                key,
                loc,
                {
                    "type": "craft",
                    "name": name,
                    "summary": summary,
                    "history": f"<p>{summary}</p>",
                    "region": "Jammu and Kashmir",
                    "districts": districts,
                    "aliases": aliases,
                },
            )
    for key, en, hi, ur, crafts, district, bio in ARTISANS:
        for loc, name in (("en", en), ("hi", hi), ("ur", ur)):
            write(
                root,
                "artisans",
                key,
                loc,
                {
                    "type": "artisan",
                    "name": name,
                    "crafts": crafts,
                    "district": district,
                    "bio": f"<p>{bio}</p>",
                    "consent": CONSENT,
                },
            )
    for key, en, hi, artisan, price, materials in PRODUCTS:
        craft = next(a[4][0] for a in ARTISANS if a[0] == artisan)
        for loc, title in (("en", en), ("hi", hi)):
            if title is None:
                continue
            write(
                root,
                "products",
                key,
                loc,
                {
                    "type": "product",
                    "title": title,
                    "artisan": artisan,
                    "craft": craft,
                    "materials": materials,
                    "description": f"<p>{en}. Handmade in Kashmir.</p>",
                    "images": [{"src": f"products/{key}.jpg", "alt": en}],
                    "listings": [
                        {
                            "marketplace": "JKHHC online emporium (demo)",
                            "url": f"https://emporium.jkhhc.example/products/{key}",
                            "seller": "Emporium",
                            "price_inr": price,
                            "availability": "in_stock",
                            "last_checked": "2026-11-01",
                        }
                    ],
                },
            )
    for key, title, summary, artisans, crafts in STORIES:
        write(
            root,
            "stories",
            key,
            "en",
            {
                "type": "story",
                "title": title,
                "date": "2026-02-10",
                "summary": summary,
                "body": f"<p>{summary}</p>",
                "artisans": artisans,
                "crafts": crafts,
            },
        )
    return root


RELEVANCE = [
    # English, exact words
    ("sozni", "en", None, ["/crafts/sozni/"]),
    ("kani shawl", "en", None, ["/crafts/kani/", "/products/kani-shawl-jamawar/"]),
    ("pashmina shawl", "en", None, ["/products/plain-pashmina-shawl/"]),
    ("walnut box", "en", None, ["/products/walnut-jewellery-box/"]),
    ("walnut", "en", "product", ["/products/walnut-jewellery-box/", "/products/walnut-coffee-table/"]),
    ("namda rug", "en", None, ["/products/namda-rug-floral/"]),
    ("silk carpet", "en", None, ["/products/silk-carpet-tree-of-life/"]),
    ("carpets", "en", None, ["/crafts/carpet/"]),
    ("christmas baubles", "en", None, ["/products/papier-mache-christmas-baubles/"]),
    ("talim", "en", None, ["/stories/the-talim-code/"]),
    # accents, punctuation and stemming
    ("papier-mâché", "en", None, ["/crafts/papier-mache/"]),
    ("papier mache box", "en", None, ["/products/papier-mache-box-birds/"]),
    ("embroiderers", "en", None, ["/artisans/shazia-akhter/"]),
    ("carved", "en", None, ["/products/walnut-coffee-table/"]),
    # misspellings
    ("pashmena shawl", "en", None, ["/products/plain-pashmina-shawl/"]),
    ("sozny", "en", None, ["/crafts/sozni/"]),
    ("walnutt", "en", "product", ["/products/walnut-jewellery-box/"]),
    ("embrodiery", "en", None, ["/crafts/sozni/"]),
    ("papier machee", "en", None, ["/crafts/papier-mache/"]),
    # words run together, spaced differently, or typed in two scripts (issue 18: "did you mean")
    ("papiermache", "en", None, ["/crafts/papier-mache/"]),
    ("walnutwood carving", "en", "craft", ["/crafts/walnut-wood-carving/"]),
    ("wal nut box", "en", None, ["/products/walnut-jewellery-box/"]),
    ("पेपरमाशी", "hi", None, ["/hi/crafts/papier-mache/"]),
    ("सोzni", "en", None, ["/crafts/sozni/"]),
    ("pashमीना", "en", "craft", ["/crafts/pashmina/"]),
    # partial words (prefix of the last word)
    ("pashm", "en", "craft", ["/crafts/pashmina/"]),
    ("baso", "en", None, ["/crafts/basohli-painting/"]),
    ("kani sto", "en", None, ["/products/kani-stole-red/"]),
    ("ghul", "en", None, ["/artisans/ghulam-nabi-dar/"]),
    # aliases and transliterations
    ("sozani", "en", None, ["/crafts/sozni/"]),
    ("akhrot", "en", "craft", ["/crafts/walnut-wood-carving/"]),
    ("kaleen", "en", None, ["/crafts/carpet/"]),
    ("numdah", "en", None, ["/crafts/namda/"]),
    ("पश्मीना", "en", "craft", ["/crafts/pashmina/"]),
    ("pashmina", "hi", "craft", ["/hi/crafts/pashmina/"]),
    ("sozni", "ur", None, ["/ur/crafts/sozni/"]),
    ("کانی", "en", None, ["/crafts/kani/"]),
    # district names
    ("srinagar", "en", "district", ["/districts/srinagar/"]),
    ("budgam", "en", None, ["/districts/budgam/"]),
    ("kathua", "en", None, ["/districts/kathua/"]),
    ("श्रीनगर", "hi", None, ["/hi/districts/srinagar/"]),
    ("سری نگر", "ur", None, ["/ur/districts/srinagar/"]),
    ("srinagar", "ur", "district", ["/ur/districts/srinagar/"]),
    ("अनंतनाग", "hi", None, ["/hi/districts/anantnag/"]),
    # artisans' names
    ("ghulam nabi dar", "en", None, ["/artisans/ghulam-nabi-dar/"]),
    ("shazia akhter", "en", None, ["/artisans/shazia-akhter/"]),
    ("yusuf bhat", "en", None, ["/artisans/mohammad-yusuf-bhat/"]),
    ("rafiqa", "en", None, ["/artisans/rafiqa-bano/"]),
    ("शाज़िया", "hi", None, ["/hi/artisans/shazia-akhter/"]),
    ("शाजिया अख्तर", "hi", None, ["/hi/artisans/shazia-akhter/"]),
    ("غلام نبی", "ur", None, ["/ur/artisans/ghulam-nabi-dar/"]),
    ("غلام نبي", "ur", None, ["/ur/artisans/ghulam-nabi-dar/"]),
    # Hindi and Urdu words
    ("सोज़नी", "hi", None, ["/hi/crafts/sozni/"]),
    ("सोजनी स्टोल", "hi", None, ["/hi/products/sozni-stole-paisley/"]),
    ("कालीन", "hi", None, ["/hi/crafts/carpet/"]),
    ("नमदा", "hi", None, ["/hi/crafts/namda/"]),
    ("پشمینہ", "ur", "craft", ["/ur/crafts/pashmina/"]),
    ("نمدہ", "ur", None, ["/ur/crafts/namda/"]),
    ("بسوہلی", "ur", None, ["/ur/crafts/basohli-painting/"]),
]
# A guard on this table, checked when it is loaded (not a test of the search: test_search.py runs it):
# big, and in all three scripts.
assert len(RELEVANCE) >= 40 and {script(query) for query, *_ in RELEVANCE} == {"latn", "deva", "arab"}


BAD_QUERIES = [
    "",
    "   ",
    "x" * 10000,
    "pashmina " * 2000,
    "(.*)+[\\d]{2,}$^|?",
    "<img src=x onerror=alert(1)>",
    "\"'`;--",
    "🧣🧶 shawl 🙂",
    "pashmina पश्मीना پشمینہ",
    "\u200d\u200c\u0301",
    "%00%s{}\\u0000",
]
