# ruff: noqa: E501  (this file is mostly prose in three scripts; wrapping it mid-sentence would make it harder to edit)
"""Generate the artisans, products and collections of the shipped demo catalog.

Regenerate (deterministic: seeded random, sorted output, same bytes every run)::

    .venv/bin/python scripts/make_demo_catalog.py          # writes content/{artisans,products,collections}/
    .venv/bin/python scripts/make_demo_media.py            # then (re)draws every image the catalog references

Districts, crafts, stories, campaigns and pages are hand-written JSON under ``content/`` and are only
read here (for names and keys). This script owns ``content/artisans/``, ``content/products/`` and
``content/collections/``: it deletes the JSON files in them and writes them again.

Every person here is invented. Artisan records carry the district only, never a village, street,
phone, ID or bank detail (the schema rejects those fields anyway, and bios avoid naming villages).
"""

from __future__ import annotations

import json
import logging
import random
import re
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
SEED = 20261126
LOCALES = ("en", "hi", "ur")

# --------------------------------------------------------------------------------------------------
# Names of things in three languages
# --------------------------------------------------------------------------------------------------

LANGUAGES = {
    "Kashmiri": ("कश्मीरी", "کشمیری"), "Urdu": ("उर्दू", "اردو"), "Hindi": ("हिंदी", "ہندی"),
    "English": ("अंग्रेज़ी", "انگریزی"), "Dogri": ("डोगरी", "ڈوگری"), "Pahari": ("पहाड़ी", "پہاڑی"),
    "Gojri": ("गोजरी", "گوجری"), "Punjabi": ("पंजाबी", "پنجابی"), "Bhadarwahi": ("भद्रवाही", "بھدرواہی"),
    "Kishtwari": ("किश्तवाड़ी", "کشتواڑی"),
}

COOPERATIVES = {
    "sozni-women": ("Chinar Sozni Women's Group", "चिनार सोज़नी महिला समूह", "چنار سوزنی خواتین گروپ"),
    "kani-weavers": ("Budgam Kani Weavers' Cooperative Society", "बडगाम कानी बुनकर सहकारी समिति", "بڈگام کانی بُنکر کوآپریٹو سوسائٹی"),
    "basohli-weavers": ("Basohli Pashmina Women Weavers' Society", "बसोहली पश्मीना महिला बुनकर समिति", "بسوہلی پشمینہ خواتین بُنکر سوسائٹی"),
    "poonch-shg": ("Pir Panjal Gujjar Women Weavers' Self-Help Group", "पीर पंजाल गुज्जर महिला बुनकर स्वयं सहायता समूह", "پیر پنجال گجر خواتین بُنکر سیلف ہیلپ گروپ"),
    "gabba-coop": ("Anantnag Gabba Makers' Cooperative", "अनंतनाग गब्बा कारीगर सहकारी समिति", "اننت ناگ گبہ کاریگر کوآپریٹو"),
    "chenab-wool": ("Chenab Valley Woollen Weavers' Cooperative", "चिनाब घाटी ऊनी बुनकर सहकारी समिति", "وادیٔ چناب اونی بُنکر کوآپریٹو"),
    "bandipora-sozni": ("Wular Women Embroiderers' Cooperative", "वुलर महिला कढ़ाई सहकारी समिति", "وُلر خواتین کڑھائی کوآپریٹو"),
    "namda-revival": ("Namda Revival Women's Unit", "नमदा पुनर्जीवन महिला इकाई", "نمدہ احیا خواتین یونٹ"),
    "carpet-coop": ("South Kashmir Carpet Weavers' Cooperative", "दक्षिण कश्मीर कालीन बुनकर सहकारी समिति", "جنوبی کشمیر قالین باف کوآپریٹو"),
}

AWARDS = {
    "state": ("State Award for Handicrafts", "हस्तशिल्प राज्य पुरस्कार", "دستکاری کا ریاستی ایوارڈ"),
    "merit": ("Certificate of Merit, National Handicrafts Week", "राष्ट्रीय हस्तशिल्प सप्ताह योग्यता प्रमाणपत्र", "قومی ہفتۂ دستکاری کا سند امتیاز"),
    "woman": ("Woman Craft Entrepreneur of the Year, district crafts fair", "ज़िला शिल्प मेले की वर्ष की महिला शिल्प उद्यमी", "ضلعی دستکاری میلے کی سال کی خاتون دستکار کاروباری"),
    "revival": ("Craft Revival Fellowship", "शिल्प पुनर्जीवन फ़ेलोशिप", "دستکاری احیا فیلوشپ"),
}

# Role of a maker of each craft, used in composed bios: (en, hi, ur).
ROLE = {
    "pashmina": ("pashmina spinner and weaver", "पश्मीना कातने और बुनने वाले कारीगर", "پشمینہ کاتنے اور بُننے والے کاریگر"),
    "kani": ("Kani weaver", "कानी बुनकर", "کانی بُنکر"),
    "sozni": ("sozni embroiderer", "सोज़नी कढ़ाई कारीगर", "سوزنی کڑھائی کے کاریگر"),
    "papier-mache": ("papier-mâché painter", "पेपर-माशी चित्रकार", "پیپر ماشی کے نقاش"),
    "walnut-wood-carving": ("walnut-wood carver", "अखरोट लकड़ी के नक्काश", "اخروٹ کی لکڑی کے نقاش"),
    "khatamband": ("khatamband carpenter", "ख़तमबंद बढ़ई", "خاتم بند بڑھئی"),
    "hand-knotted-carpet": ("carpet weaver", "कालीन बुनकर", "قالین باف"),
    "namda": ("namda maker", "नमदा कारीगर", "نمدہ ساز"),
    "gabba": ("Gabba maker", "गब्बा कारीगर", "گبہ ساز"),
    "crewel": ("crewel embroiderer", "क्रूअल कढ़ाई कारीगर", "کریول کڑھائی کے کاریگر"),
    "chain-stitch": ("chain-stitch embroiderer", "चेन स्टिच कढ़ाई कारीगर", "زنجیری ٹانکے کے کاریگر"),
    "kashmir-tweed": ("tweed weaver", "ट्वीड बुनकर", "ٹویڈ بُنکر"),
    "willow-cricket-bat": ("bat maker", "बैट निर्माता", "بیٹ ساز"),
    "shikara": ("shikara builder", "शिकारा निर्माता", "شکارہ ساز"),
    "wagguv": ("wagguv mat weaver", "वगुव चटाई बुनकर", "وگو چٹائی بُننے والے"),
    "basohli-painting": ("Basohli painter", "बसोहली चित्रकार", "بسوہلی مصور"),
    "basohli-pashmina": ("Basohli pashmina weaver", "बसोहली पश्मीना बुनकर", "بسوہلی پشمینہ بُنکر"),
    "chikri-wood-craft": ("Chikri wood carver", "चिकरी लकड़ी के नक्काश", "چکری لکڑی کے نقاش"),
    "copperware": ("coppersmith and engraver", "तांबे के कारीगर और नक़्क़ाश", "تانبے کے کاریگر اور نقاش"),
    "silverware": ("silversmith", "चाँदी के कारीगर", "چاندی کے کاریگر"),
    "tilla": ("tilla embroiderer", "तिल्ला कढ़ाई कारीगर", "تلہ کڑھائی کے کاریگر"),
    "aari": ("aari embroiderer", "आरी कढ़ाई कारीगर", "آری کڑھائی کے کاریگر"),
    "willow-wicker": ("wicker weaver", "विकर बुनकर", "وِکر بُننے والے"),
    "pinjrakari": ("lattice carpenter", "पिंजराकारी बढ़ई", "پنجرہ کاری بڑھئی"),
    "amlikar": ("amlikar embroiderer", "अमलीकार कढ़ाई कारीगर", "املیکار کڑھائی کے کاریگر"),
    "hill-wool-weaving": ("wool spinner and weaver", "ऊन कातने और बुनने वाले कारीगर", "اون کاتنے اور بُننے والے کاریگر"),
}

# Short label of each craft for seller names.
SELLER_WORD = {
    "pashmina": "Pashmina", "kani": "Kani", "sozni": "Sozni", "papier-mache": "Papier-mâché",
    "walnut-wood-carving": "Walnut Crafts", "khatamband": "Khatamband", "hand-knotted-carpet": "Carpets",
    "namda": "Namda", "gabba": "Gabba", "crewel": "Crewel", "chain-stitch": "Chain Stitch",
    "kashmir-tweed": "Tweed", "willow-cricket-bat": "Willow Bats", "shikara": "Shikara Models",
    "wagguv": "Wagguv Mats", "basohli-painting": "Basohli Art", "basohli-pashmina": "Basohli Pashmina",
    "chikri-wood-craft": "Chikri Crafts", "copperware": "Copperware", "silverware": "Silver",
    "tilla": "Tilla", "aari": "Aari", "willow-wicker": "Wicker", "pinjrakari": "Pinjrakari",
    "amlikar": "Amlikar", "hill-wool-weaving": "Woollens",
}

# --------------------------------------------------------------------------------------------------
# Artisans (all invented)
# --------------------------------------------------------------------------------------------------


def A(key: str, en: str, hi: str, ur: str, sex: str, district: str, crafts: list[str], since: int,
      langs: list[str], *, coop: str | None = None, flags: tuple[str, ...] = (), featured: bool = False,
      awards: tuple[tuple[str, int], ...] = (), locales: str = "en", photos: bool = True,
      old_slugs: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"key": key, "name": {"en": en, "hi": hi, "ur": ur}, "sex": sex, "district": district,
            "crafts": crafts, "since": since, "langs": langs, "coop": coop, "flags": list(flags),
            "featured": featured, "awards": list(awards), "locales": locales, "photos": photos,
            "old_slugs": list(old_slugs)}


KS, UR, HI, EN, DO, PA, GO = "Kashmiri", "Urdu", "Hindi", "English", "Dogri", "Pahari", "Gojri"
WL, CM, MC, RW, DL = "women-led", "cooperative-member", "master-craftsperson", "rural-weaver", "disability-led"

ARTISANS = [
    # Srinagar
    A("shazia-akhter", "Shazia Akhter", "शाज़िया अख़्तर", "شازیہ اختر", "f", "srinagar", ["sozni"], 2004, [KS, UR, HI],
      coop="sozni-women", flags=(WL,), featured=True, awards=(("woman", 2023),), locales="en hi ur"),
    A("ghulam-nabi-dar", "Ghulam Nabi Dar", "ग़ुलाम नबी डार", "غلام نبی ڈار", "m", "srinagar", ["papier-mache"], 1978, [KS, UR],
      flags=(MC,), featured=True, awards=(("state", 1996), ("merit", 2009)), locales="en hi ur"),
    A("mehraj-ud-din-bhat", "Mehraj-ud-Din Bhat", "मेहराजुद्दीन भट", "معراج الدین بٹ", "m", "srinagar", ["copperware"], 1991, [KS, UR, HI],
      locales="en hi"),
    A("nighat-jan", "Nighat Jan", "निगहत जान", "نگہت جان", "f", "srinagar", ["papier-mache"], 2010, [KS, UR, EN],
      flags=(WL,), locales="en hi ur"),
    A("abdul-rashid-najar", "Abdul Rashid Najar", "अब्दुल रशीद नजार", "عبدالرشید نجار", "m", "srinagar", ["khatamband", "pinjrakari"], 1984, [KS, UR],
      flags=(MC,), awards=(("state", 2011),), locales="en hi"),
    A("mohammad-ashraf-hanji", "Mohammad Ashraf Hanji", "मोहम्मद अशरफ़ हांजी", "محمد اشرف ہانجی", "m", "srinagar", ["shikara"], 1993, [KS, UR, HI, EN]),
    A("tabassum-nazir", "Tabassum Nazir", "तबस्सुम नज़ीर", "تبسم نذیر", "f", "srinagar", ["crewel"], 2008, [KS, UR], flags=(WL,), locales="en hi"),
    A("rafiqa-banoo", "Rafiqa Banoo", "रफ़ीक़ा बानो", "رفیقہ بانو", "f", "srinagar", ["chain-stitch"], 1999, [KS, UR], photos=False),
    A("showkat-ahmad-zargar", "Showkat Ahmad Zargar", "शौकत अहमद ज़रगर", "شوکت احمد زرگر", "m", "srinagar", ["silverware"], 1995, [KS, UR, HI]),
    A("farooq-ahmad-kanth", "Farooq Ahmad Kanth", "फ़ारूक़ अहमद कांथ", "فاروق احمد کانتھ", "m", "srinagar", ["pinjrakari"], 2002, [KS, UR]),
    A("nusrat-ara", "Nusrat Ara", "नुसरत आरा", "نصرت آرا", "f", "srinagar", ["tilla"], 2006, [KS, UR], flags=(WL,), locales="en hi"),
    A("mohammad-yousuf-shah", "Mohammad Yousuf Shah", "मोहम्मद यूसुफ़ शाह", "محمد یوسف شاہ", "m", "srinagar", ["amlikar", "sozni"], 1972, [KS, UR],
      flags=(MC,), awards=(("state", 2001),)),
    A("sunita-koul", "Sunita Koul", "सुनीता कौल", "سنیتا کول", "f", "srinagar", ["aari"], 2011, [KS, HI, EN], locales="en hi"),
    A("imtiyaz-ahmad-malik", "Imtiyaz Ahmad Malik", "इम्तियाज़ अहमद मलिक", "امتیاز احمد ملک", "m", "srinagar", ["namda"], 2016, [KS, UR]),
    A("asiya-jan", "Asiya Jan", "आसिया जान", "آسیہ جان", "f", "srinagar", ["pashmina"], 1998, [KS, UR], flags=(WL, RW)),
    A("arshid-hussain-lone", "Arshid Hussain Lone", "अर्शिद हुसैन लोन", "ارشد حسین لون", "m", "srinagar", ["walnut-wood-carving"], 2005, [KS, UR]),
    # Budgam
    A("abdul-majeed-ganai", "Abdul Majeed Ganai", "अब्दुल मजीद गनई", "عبدالمجید گنائی", "m", "budgam", ["kani"], 1982, [KS, UR],
      coop="kani-weavers", flags=(MC, CM), featured=True, awards=(("state", 2008),), locales="en hi ur"),
    A("ruksana-kausar", "Ruksana Kausar", "रुख़साना कौसर", "رخسانہ کوثر", "f", "budgam", ["kani"], 2012, [KS, UR, HI],
      coop="kani-weavers", flags=(WL, CM), featured=True, locales="en hi ur", old_slugs=("rukhsana-kausar",)),
    A("tariq-ahmad-mir", "Tariq Ahmad Mir", "तारिक़ अहमद मीर", "طارق احمد میر", "m", "budgam", ["kashmir-tweed"], 2000, [KS, UR], flags=(RW,), locales="en hi"),
    A("haleema-begum", "Haleema Begum", "हलीमा बेगम", "حلیمہ بیگم", "f", "budgam", ["sozni"], 1990, [KS], photos=False),
    A("shabir-ahmad-wani", "Shabir Ahmad Wani", "शब्बीर अहमद वानी", "شبیر احمد وانی", "m", "budgam", ["hand-knotted-carpet"], 1994, [KS, UR]),
    # Ganderbal
    A("gulzar-ahmad-sheikh", "Gulzar Ahmad Sheikh", "गुलज़ार अहमद शेख़", "گلزار احمد شیخ", "m", "ganderbal", ["willow-wicker"], 1988, [KS, UR], locales="en hi ur"),
    A("mymoona-bano", "Mymoona Bano", "मैमूना बानो", "میمونہ بانو", "f", "ganderbal", ["crewel"], 2009, [KS, UR], flags=(WL,)),
    A("javaid-ahmad-rather", "Javaid Ahmad Rather", "जावेद अहमद राथर", "جاوید احمد راتھر", "m", "ganderbal", ["wagguv"], 1997, [KS]),
    A("saima-rashid", "Saima Rashid", "साइमा रशीद", "صائمہ رشید", "f", "ganderbal", ["pashmina"], 2014, [KS, UR, EN], flags=(WL,), locales="en hi"),
    # Anantnag
    A("mushtaq-ahmad-khan", "Mushtaq Ahmad Khan", "मुश्ताक़ अहमद ख़ान", "مشتاق احمد خان", "m", "anantnag", ["gabba"], 1980, [KS, UR, HI],
      coop="gabba-coop", flags=(MC, CM), featured=True, awards=(("revival", 2019),), locales="en hi ur"),
    A("shameema-akhter", "Shameema Akhter", "शमीमा अख़्तर", "شمیمہ اختر", "f", "anantnag", ["gabba"], 2013, [KS, UR], coop="gabba-coop", flags=(WL, CM)),
    A("zahoor-ahmad-malik", "Zahoor Ahmad Malik", "ज़हूर अहमद मलिक", "ظہور احمد ملک", "m", "anantnag", ["hand-knotted-carpet"], 1986, [KS, UR],
      coop="carpet-coop", flags=(CM,), locales="en hi"),
    A("rubeena-akhter", "Rubeena Akhter", "रुबीना अख़्तर", "روبینہ اختر", "f", "anantnag", ["aari", "tilla"], 2007, [KS, UR], flags=(WL,)),
    A("hilal-ahmad-khanday", "Hilal Ahmad Khanday", "हिलाल अहमद खांडे", "ہلال احمد کھانڈے", "m", "anantnag", ["chain-stitch"], 2003, [KS, UR], flags=(DL,), locales="en hi"),
    A("nazir-ahmad-kabli", "Nazir Ahmad Kabli", "नज़ीर अहमद काबली", "نذیر احمد کابلی", "m", "anantnag", ["willow-cricket-bat"], 1992, [KS, UR, HI]),
    # Kulgam
    A("ishfaq-hussain-bhat", "Ishfaq Hussain Bhat", "इश्फ़ाक़ हुसैन भट", "اشفاق حسین بٹ", "m", "kulgam", ["hand-knotted-carpet"], 2001, [KS, UR], coop="carpet-coop", flags=(CM, RW)),
    A("naseema-bano", "Naseema Bano", "नसीमा बानो", "نسیمہ بانو", "f", "kulgam", ["chain-stitch"], 2010, [KS], flags=(WL,)),
    # Pulwama
    A("parvaiz-ahmad-mir", "Parvaiz Ahmad Mir", "परवेज़ अहमद मीर", "پرویز احمد میر", "m", "pulwama", ["willow-cricket-bat"], 1999, [KS, UR, HI, EN],
      featured=True, locales="en hi ur"),
    A("yasmeena-akhter", "Yasmeena Akhter", "यासमीना अख़्तर", "یاسمینہ اختر", "f", "pulwama", ["pashmina"], 2005, [KS], flags=(WL, RW), locales="en hi"),
    # Shopian
    A("manzoor-ahmad-wagay", "Manzoor Ahmad Wagay", "मंज़ूर अहमद वागे", "منظور احمد واگے", "m", "shopian", ["hand-knotted-carpet"], 1996, [KS, UR], flags=(RW,)),
    A("rehana-yousuf", "Rehana Yousuf", "रेहाना यूसुफ़", "ریحانہ یوسف", "f", "shopian", ["aari"], 2015, [KS, UR], flags=(WL,)),
    # Baramulla
    A("abdul-ahad-lone", "Abdul Ahad Lone", "अब्दुल अहद लोन", "عبدالاحد لون", "m", "baramulla", ["walnut-wood-carving"], 1975, [KS, UR],
      flags=(MC,), featured=True, awards=(("state", 1994), ("merit", 2006)), locales="en hi ur"),
    A("gulshan-ara", "Gulshan Ara", "गुलशन आरा", "گلشن آرا", "f", "baramulla", ["namda"], 2017, [KS, UR, HI],
      coop="namda-revival", flags=(WL, CM), featured=True, awards=(("revival", 2021),), locales="en hi ur"),
    A("tanveer-ahmad-mir", "Tanveer Ahmad Mir", "तनवीर अहमद मीर", "تنویر احمد میر", "m", "baramulla", ["namda", "gabba"], 2012, [KS, UR]),
    # Bandipora
    A("shamima-akhter", "Shamima Akhter", "शमीमा अख़्तर", "شمیمہ اختر", "f", "bandipora", ["sozni"], 2003, [KS, UR],
      coop="bandipora-sozni", flags=(WL, CM), locales="en hi ur"),
    A("mohammad-ramzan-parray", "Mohammad Ramzan Parray", "मोहम्मद रमज़ान पर्रे", "محمد رمضان پرے", "m", "bandipora", ["wagguv"], 1979, [KS], flags=(MC,)),
    A("fozia-jan", "Fozia Jan", "फ़ौज़िया जान", "فوزیہ جان", "f", "bandipora", ["aari", "sozni"], 2016, [KS, UR], coop="bandipora-sozni", flags=(WL, CM)),
    # Kupwara
    A("bashir-ahmad-peer", "Bashir Ahmad Peer", "बशीर अहमद पीर", "بشیر احمد پیر", "m", "kupwara", ["kashmir-tweed"], 1987, [KS, UR], flags=(RW,), locales="en hi"),
    A("showkat-ahmad-ganai", "Showkat Ahmad Ganai", "शौकत अहमद गनई", "شوکت احمد گنائی", "m", "kupwara", ["walnut-wood-carving"], 2004, [KS, UR]),
    A("afroza-begum", "Afroza Begum", "अफ़रोज़ा बेगम", "افروزہ بیگم", "f", "kupwara", ["hand-knotted-carpet"], 1993, [KS], flags=(WL, RW)),
    # Kathua
    A("kamla-devi", "Kamla Devi", "कमला देवी", "کملا دیوی", "f", "kathua", ["basohli-pashmina"], 2009, [DO, HI],
      coop="basohli-weavers", flags=(WL, CM), featured=True, locales="en hi ur"),
    A("rajesh-kumar-basotra", "Rajesh Kumar Basotra", "राजेश कुमार बसोत्रा", "راجیش کمار بسوترا", "m", "kathua", ["basohli-painting"], 1990, [DO, HI, EN],
      flags=(MC,), featured=True, awards=(("state", 2015),), locales="en hi ur"),
    A("anjali-manhas", "Anjali Manhas", "अंजलि मन्हास", "انجلی منہاس", "f", "kathua", ["basohli-painting"], 2018, [DO, HI, EN], locales="en hi"),
    A("suresh-chander", "Suresh Chander", "सुरेश चंदर", "سریش چندر", "m", "kathua", ["basohli-pashmina"], 1998, [DO, HI], coop="basohli-weavers", flags=(CM,), locales="en hi"),
    # Jammu
    A("rohit-raina", "Rohit Raina", "रोहित रैना", "روہت رینہ", "m", "jammu", ["papier-mache"], 2006, [KS, HI, EN], locales="en hi"),
    A("pooja-slathia", "Pooja Slathia", "पूजा सलाथिया", "پوجا سلاتھیا", "f", "jammu", ["aari"], 2012, [DO, HI, EN], flags=(WL,), locales="en hi"),
    A("kuldeep-raj", "Kuldeep Raj", "कुलदीप राज", "کلدیپ راج", "m", "jammu", ["basohli-painting"], 2001, [DO, HI], flags=(DL,)),
    # Samba
    A("sarla-devi", "Sarla Devi", "सरला देवी", "سرلا دیوی", "f", "samba", ["aari"], 1997, [DO, HI], flags=(WL,), locales="en hi"),
    A("neelam-kumari", "Neelam Kumari", "नीलम कुमारी", "نیلم کماری", "f", "samba", ["aari"], 2019, [DO, HI]),
    # Rajouri
    A("mohammad-yousuf-mughal", "Mohammad Yousuf Mughal", "मोहम्मद यूसुफ़ मुग़ल", "محمد یوسف مغل", "m", "rajouri", ["chikri-wood-craft"], 1985, [PA, UR, GO],
      flags=(MC,), featured=True, awards=(("merit", 2024),), locales="en hi ur"),
    A("shamim-akhtar", "Shamim Akhtar", "शमीम अख़्तर", "شمیم اختر", "f", "rajouri", ["chikri-wood-craft"], 2020, [PA, UR], flags=(WL,), locales="en hi"),
    A("rafiq-ahmed-bajad", "Rafiq Ahmed Bajad", "रफ़ीक़ अहमद बजाड़", "رفیق احمد بجاڑ", "m", "rajouri", ["hill-wool-weaving"], 1994, [GO, PA, UR], flags=(RW,)),
    # Poonch
    A("zareena-begum-khatana", "Zareena Begum Khatana", "ज़रीना बेगम खटाना", "زرینہ بیگم کھٹانہ", "f", "poonch", ["hill-wool-weaving"], 1996, [GO, PA, UR],
      coop="poonch-shg", flags=(WL, CM, RW), featured=True, locales="en hi ur"),
    A("kulbir-singh", "Kulbir Singh", "कुलबीर सिंह", "کلبیر سنگھ", "m", "poonch", ["chikri-wood-craft"], 2008, [PA, "Punjabi", HI]),
    # Doda
    A("sanjay-parihar", "Sanjay Parihar", "संजय परिहार", "سنجے پریہار", "m", "doda", ["hill-wool-weaving"], 1990, ["Bhadarwahi", HI], coop="chenab-wool", flags=(CM, RW)),
    A("reena-devi", "Reena Devi", "रीना देवी", "رینا دیوی", "f", "doda", ["hill-wool-weaving"], 2008, ["Bhadarwahi", HI], coop="chenab-wool", flags=(WL, CM), locales="en hi"),
    # Kishtwar
    A("bashir-ahmed-kichloo", "Bashir Ahmed Kichloo", "बशीर अहमद किचलू", "بشیر احمد کچلو", "m", "kishtwar", ["walnut-wood-carving"], 1989, ["Kishtwari", UR]),
    A("jamila-bano", "Jamila Bano", "जमीला बानो", "جمیلہ بانو", "f", "kishtwar", ["hill-wool-weaving"], 2000, ["Kishtwari", UR], flags=(WL, RW), locales="en hi ur"),
    # Ramban
    A("abdul-qayoom-poswal", "Abdul Qayoom Poswal", "अब्दुल क़य्यूम पोसवाल", "عبدالقیوم پوسوال", "m", "ramban", ["hill-wool-weaving"], 1985, [GO, UR], flags=(RW,)),
    # Udhampur
    A("ranjit-singh-jamwal", "Ranjit Singh Jamwal", "रणजीत सिंह जम्वाल", "رنجیت سنگھ جموال", "m", "udhampur", ["hill-wool-weaving"], 1983, [DO, HI]),
    A("anita-devi", "Anita Devi", "अनीता देवी", "انیتا دیوی", "f", "udhampur", ["hill-wool-weaving"], 2011, [DO, HI], coop="chenab-wool", flags=(WL, CM), locales="en hi"),
    # Reasi
    A("rajinder-singh", "Rajinder Singh", "राजिंदर सिंह", "راجندر سنگھ", "m", "reasi", ["hill-wool-weaving"], 1992, [DO, HI], photos=False),
    A("naseem-kousar", "Naseem Kousar", "नसीम कौसर", "نسیم کوثر", "f", "reasi", ["aari"], 2014, [GO, UR, HI], flags=(WL,)),
]

# Hand-written bios of the featured artisans. No village, street or other detail below the district.
FEATURED_BIOS = {
    "shazia-akhter": {
        "en": "<p>Shazia Akhter learnt sozni at her mother's side, filling in leaves on shawls her mother had already outlined, and was trusted with a whole border by the time she was sixteen. In 2015 she brought together neighbours who embroidered for traders at piece rates and formed a group that now sells under its own name.</p><p>Twelve women work with her today, most of them from home. Shazia draws the designs, buys the silk and manages the online listings, and she insists that every stole carries the name of the woman who embroidered it.</p>",
        "hi": "<p>शाज़िया अख़्तर ने सोज़नी अपनी माँ के पास बैठकर सीखी — माँ जिन शॉलों पर रेखाएँ खींच चुकी होतीं, उनमें वे पत्तियाँ भरतीं — और सोलह साल की होते-होते उन्हें पूरी किनारी सौंपी जाने लगी। 2015 में उन्होंने उन पड़ोसिनों को इकट्ठा किया जो व्यापारियों के लिए नग के हिसाब से कढ़ाई करती थीं, और एक समूह बनाया जो अब अपने नाम से बेचता है।</p><p>आज बारह महिलाएँ उनके साथ काम करती हैं, ज़्यादातर अपने घरों से। शाज़िया डिज़ाइन बनाती हैं, रेशम ख़रीदती हैं और ऑनलाइन लिस्टिंग सँभालती हैं, और इस बात पर अड़ी रहती हैं कि हर स्टोल पर उसे काढ़ने वाली महिला का नाम हो।</p>",
        "ur": "<p>شازیہ اختر نے سوزنی اپنی ماں کے پاس بیٹھ کر سیکھی — ماں جن شالوں پر خاکہ کھینچ چکی ہوتیں، اُن میں وہ پتے بھرتیں — اور سولہ برس کی ہوتے ہوتے انہیں پورا حاشیہ سونپا جانے لگا۔ 2015 میں انہوں نے اُن پڑوسنوں کو جمع کیا جو تاجروں کے لیے نگ کے حساب سے کڑھائی کرتی تھیں، اور ایک گروپ بنایا جو اب اپنے نام سے بیچتا ہے۔</p><p>آج بارہ عورتیں ان کے ساتھ کام کرتی ہیں، زیادہ تر اپنے گھروں سے۔ شازیہ ڈیزائن بناتی ہیں، ریشم خریدتی ہیں اور آن لائن فہرستیں سنبھالتی ہیں، اور اس بات پر قائم رہتی ہیں کہ ہر اسٹول پر اسے کاڑھنے والی خاتون کا نام ہو۔</p>",
    },
    "ghulam-nabi-dar": {
        "en": "<p>Ghulam Nabi Dar has painted papier-mâché for nearly fifty years in the same upstairs room in Srinagar's old city. He trained under his father, who was known for the <em>hazara</em>, a pattern of a thousand tiny flowers, and he still grinds some of his colours himself from mineral and plant sources.</p><p>Two of his grandchildren now paint beside him. He makes fewer pieces than he once did, but each box or vase that carries his signature takes weeks, and collectors are willing to wait for them.</p>",
        "hi": "<p>ग़ुलाम नबी डार लगभग पचास साल से श्रीनगर के पुराने शहर में एक ही ऊपरी कमरे में पेपर-माशी पर चित्रकारी कर रहे हैं। उन्होंने अपने पिता से सीखा, जो <em>हज़ारा</em> — हज़ार नन्हे फूलों वाले नमूने — के लिए जाने जाते थे, और आज भी अपने कुछ रंग खनिज और वनस्पति स्रोतों से ख़ुद पीसते हैं।</p><p>अब उनके दो पोते-पोती उनके साथ बैठकर चित्र बनाते हैं। वे पहले से कम चीज़ें बनाते हैं, पर उनके दस्तख़त वाले हर डिब्बे या फूलदान में हफ़्ते लगते हैं, और संग्रहकर्ता उनका इंतज़ार करने को तैयार रहते हैं।</p>",
        "ur": "<p>غلام نبی ڈار تقریباً پچاس برس سے سری نگر کے پرانے شہر میں ایک ہی بالائی کمرے میں پیپر ماشی پر نقاشی کر رہے ہیں۔ انہوں نے اپنے والد سے سیکھا، جو <em>ہزارہ</em> — ہزار ننھے پھولوں والے نقش — کے لیے مشہور تھے، اور آج بھی اپنے کچھ رنگ معدنی اور نباتاتی ذرائع سے خود پیستے ہیں۔</p><p>اب ان کے دو پوتے پوتیاں ان کے ساتھ بیٹھ کر نقاشی کرتے ہیں۔ وہ پہلے سے کم چیزیں بناتے ہیں، مگر ان کے دستخط والے ہر ڈبے یا گلدان میں ہفتے لگتے ہیں، اور شوقین خریدار ان کا انتظار کرنے کو تیار رہتے ہیں۔</p>",
    },
    "abdul-majeed-ganai": {
        "en": "<p>Among Budgam's Kani weavers, Abdul Majeed Ganai is the one others send their talim to when a pattern will not come right. He started at the loom at twelve, passing bobbins for his uncle, and now reads the colour script as easily as a newspaper.</p><p>The shawl on his loom today, a full jamawar with a border of interlaced vines, has been there for fourteen months. He takes on two apprentices each winter and hopes the QR-coded GI label will help buyers tell his work from printed copies.</p>",
        "hi": "<p>बडगाम के कानी बुनकरों में अब्दुल मजीद गनई वह हैं जिनके पास दूसरे अपनी तालीम भेजते हैं जब कोई नमूना ठीक न बैठे। बारह साल की उम्र में वे अपने चाचा के लिए तीलियाँ बढ़ाते हुए करघे पर बैठे, और अब रंगों की लिपि अख़बार की तरह आसानी से पढ़ते हैं।</p><p>आज उनके करघे पर जो शॉल है — आपस में गुँथी बेलों की किनारी वाला पूरा जामावार — वह चौदह महीने से चढ़ा है। वे हर सर्दी दो शागिर्द रखते हैं और उम्मीद करते हैं कि क्यूआर-कोड वाला जीआई लेबल ख़रीदारों को उनके काम और छपी नक़लों में फ़र्क़ करने में मदद करेगा।</p>",
        "ur": "<p>بڈگام کے کانی بُنکروں میں عبدالمجید گنائی وہ ہیں جن کے پاس دوسرے اپنی تعلیم بھیجتے ہیں جب کوئی نقش ٹھیک نہ بیٹھے۔ بارہ برس کی عمر میں وہ اپنے چچا کے لیے تیلیاں بڑھاتے ہوئے کرگھے پر بیٹھے، اور اب رنگوں کی تحریر اخبار کی طرح آسانی سے پڑھتے ہیں۔</p><p>آج ان کے کرگھے پر جو شال ہے — آپس میں گندھی بیلوں کے حاشیے والا پورا جامہ وار — وہ چودہ مہینے سے چڑھی ہے۔ وہ ہر سردی دو شاگرد رکھتے ہیں اور امید کرتے ہیں کہ کیو آر کوڈ والا جی آئی لیبل خریداروں کو ان کے کام اور چھپی نقلوں میں فرق کرنے میں مدد دے گا۔</p>",
    },
    "ruksana-kausar": {
        "en": "<p>Ruksana Kausar was one of the first women in her neighbourhood to sit at a Kani loom, after a training course in 2012 that her family at first thought a waste of time. She now runs a small unit of four looms with her sister-in-law and two younger women.</p><p>They weave stoles rather than full shawls, which lets them finish a piece in weeks instead of years and sell to younger buyers online. Ruksana writes her own simplified talim for the smaller designs.</p>",
        "hi": "<p>रुख़साना कौसर अपने मोहल्ले की उन पहली महिलाओं में थीं जो कानी करघे पर बैठीं — 2012 के एक प्रशिक्षण कोर्स के बाद, जिसे उनका परिवार पहले समय की बर्बादी समझता था। अब वे अपनी भाभी और दो युवा महिलाओं के साथ चार करघों की एक छोटी इकाई चलाती हैं।</p><p>वे पूरे शॉल की जगह स्टोल बुनती हैं, जिससे एक टुकड़ा सालों नहीं, हफ़्तों में पूरा हो जाता है और युवा ख़रीदारों को ऑनलाइन बिकता है। छोटे डिज़ाइनों के लिए रुख़साना अपनी सरल तालीम ख़ुद लिखती हैं।</p>",
        "ur": "<p>رخسانہ کوثر اپنے محلے کی اُن پہلی عورتوں میں تھیں جو کانی کرگھے پر بیٹھیں — 2012 کے ایک تربیتی کورس کے بعد، جسے ان کا خاندان پہلے وقت کی بربادی سمجھتا تھا۔ اب وہ اپنی بھابی اور دو نوجوان خواتین کے ساتھ چار کرگھوں کی ایک چھوٹی یونٹ چلاتی ہیں۔</p><p>وہ پوری شال کے بجائے اسٹول بُنتی ہیں، جس سے ایک ٹکڑا برسوں نہیں، ہفتوں میں مکمل ہو جاتا ہے اور نوجوان خریداروں کو آن لائن بکتا ہے۔ چھوٹے ڈیزائنوں کے لیے رخسانہ اپنی آسان تعلیم خود لکھتی ہیں۔</p>",
    },
    "parvaiz-ahmad-mir": {
        "en": "<p>Parvaiz Ahmad Mir's bat unit stands beside the highway in Pulwama, where towers of willow clefts dry in the sun every summer. He grades each cleft himself by grain and weight, and only the straightest go into the bats he signs.</p><p>For ten years he has been experimenting with longer seasoning and gentler pressing so that Kashmir willow plays closer to English wood, and several club cricketers in Jammu and Punjab now order from him directly.</p>",
        "hi": "<p>परवेज़ अहमद मीर की बैट इकाई पुलवामा में राजमार्ग के किनारे है, जहाँ हर गर्मी विलो की फाँकों की मीनारें धूप में सूखती हैं। वे हर फाँक को रेशे और वज़न के हिसाब से ख़ुद छाँटते हैं, और सिर्फ़ सबसे सीधी फाँकें उनके दस्तख़त वाले बैट में जाती हैं।</p><p>दस साल से वे लंबे समय तक सुखाने और हल्के दबाव के प्रयोग कर रहे हैं ताकि कश्मीर विलो अंग्रेज़ी लकड़ी के क़रीब खेले; अब जम्मू और पंजाब के कई क्लब क्रिकेटर सीधे उनसे ऑर्डर करते हैं।</p>",
        "ur": "<p>پرویز احمد میر کی بیٹ یونٹ پلوامہ میں شاہراہ کے کنارے ہے، جہاں ہر گرمی ولو کی پھانکوں کے مینار دھوپ میں سوکھتے ہیں۔ وہ ہر پھانک کو ریشے اور وزن کے حساب سے خود چھانٹتے ہیں، اور صرف سب سے سیدھی پھانکیں ان کے دستخط والے بیٹ میں جاتی ہیں۔</p><p>دس برس سے وہ زیادہ دیر تک سکھانے اور ہلکے دباؤ کے تجربے کر رہے ہیں تاکہ کشمیر ولو انگلش لکڑی کے قریب کھیلے؛ اب جموں اور پنجاب کے کئی کلب کرکٹر براہِ راست ان سے آرڈر کرتے ہیں۔</p>",
    },
    "abdul-ahad-lone": {
        "en": "<p>Abdul Ahad Lone carves walnut in deep, undercut relief, the style in which vines and leaves seem to float in front of the wood. He learnt it over eleven years in a Srinagar workshop before returning to Baramulla to open his own.</p><p>His son and three apprentices work with him now. He keeps a store of walnut planks bought twenty years ago and saves the oldest, darkest wood for the screens and jewellery boxes that carry his mark.</p>",
        "hi": "<p>अब्दुल अहद लोन अखरोट में गहरी, भीतर तक कटी उभरी नक्काशी करते हैं — वह शैली जिसमें बेलें और पत्ते लकड़ी के आगे तैरते लगते हैं। उन्होंने श्रीनगर की एक कार्यशाला में ग्यारह साल यह सीखा, फिर बारामूला लौटकर अपनी कार्यशाला खोली।</p><p>अब उनका बेटा और तीन शागिर्द उनके साथ काम करते हैं। उनके पास बीस साल पहले ख़रीदे अखरोट के तख़्तों का भंडार है, और सबसे पुरानी, गहरी लकड़ी वे उन परदों और गहनों के डिब्बों के लिए रखते हैं जिन पर उनका निशान होता है।</p>",
        "ur": "<p>عبدالاحد لون اخروٹ میں گہری، اندر تک کٹی اُبھری نقاشی کرتے ہیں — وہ انداز جس میں بیلیں اور پتے لکڑی کے آگے تیرتے لگتے ہیں۔ انہوں نے سری نگر کی ایک کارگاہ میں گیارہ برس یہ سیکھا، پھر بارہمولہ لوٹ کر اپنی کارگاہ کھولی۔</p><p>اب ان کا بیٹا اور تین شاگرد ان کے ساتھ کام کرتے ہیں۔ ان کے پاس بیس برس پہلے خریدے اخروٹ کے تختوں کا ذخیرہ ہے، اور سب سے پرانی، گہری لکڑی وہ اُن پردوں اور زیورات کے ڈبوں کے لیے رکھتے ہیں جن پر ان کا نشان ہوتا ہے۔</p>",
    },
    "kamla-devi": {
        "en": "<p>Kamla Devi took up spinning when a training centre opened in her part of Kathua district, and soon moved on to the loom. Today she is secretary of a society of women weavers who make pashmina shawls and stoles together and share what they earn.</p><p>She is proud that Basohli Pashmina has a GI of its own and tells buyers so. Her shawls are plain or have a narrow border, and she says the real test of her work is how little it weighs in your hand.</p>",
        "hi": "<p>कमला देवी ने कताई तब शुरू की जब कठुआ ज़िले के उनके इलाक़े में एक प्रशिक्षण केंद्र खुला, और जल्द ही करघे पर आ गईं। आज वे महिला बुनकरों की एक समिति की सचिव हैं, जो मिलकर पश्मीना शॉल और स्टोल बनाती हैं और कमाई बाँटती हैं।</p><p>उन्हें गर्व है कि बसोहली पश्मीना का अपना जीआई है, और यह बात वे ख़रीदारों को बताती हैं। उनके शॉल सादे या पतली किनारी वाले होते हैं; वे कहती हैं कि उनके काम की असली परख यह है कि हाथ में वह कितना कम वज़न लगता है।</p>",
        "ur": "<p>کملا دیوی نے کتائی تب شروع کی جب کٹھوعہ ضلع کے ان کے علاقے میں ایک تربیتی مرکز کھلا، اور جلد ہی کرگھے پر آ گئیں۔ آج وہ خواتین بُنکروں کی ایک سوسائٹی کی سیکریٹری ہیں، جو مل کر پشمینہ شالیں اور اسٹول بناتی ہیں اور آمدنی بانٹتی ہیں۔</p><p>انہیں فخر ہے کہ بسوہلی پشمینہ کا اپنا جی آئی ہے، اور یہ بات وہ خریداروں کو بتاتی ہیں۔ ان کی شالیں سادہ یا پتلے حاشیے والی ہوتی ہیں؛ وہ کہتی ہیں کہ ان کے کام کی اصل پرکھ یہ ہے کہ ہاتھ میں وہ کتنی کم وزنی لگتی ہے۔</p>",
    },
    "rajesh-kumar-basotra": {
        "en": "<p>Rajesh Kumar Basotra paints in the Basohli manner with pigments he prepares himself, from red lead to indigo, and burnishes each sheet with an agate stone. He spent years studying old paintings in museum collections before he felt ready to paint his own versions of the Rasamanjari.</p><p>On weekends he teaches painting to school students in Kathua, and his small works on handmade paper are among the few Basohli paintings sold online by the painter himself.</p>",
        "hi": "<p>राजेश कुमार बसोत्रा बसोहली शैली में उन रंगों से चित्र बनाते हैं जिन्हें वे ख़ुद तैयार करते हैं — सिंदूर से लेकर नील तक — और हर काग़ज़ को अकीक़ पत्थर से घिसकर चमकाते हैं। रसमंजरी के अपने चित्र बनाने से पहले उन्होंने बरसों संग्रहालयों के पुराने चित्रों का अध्ययन किया।</p><p>सप्ताहांत में वे कठुआ के स्कूली बच्चों को चित्रकला सिखाते हैं, और हाथ के बने काग़ज़ पर उनके छोटे चित्र उन गिने-चुने बसोहली चित्रों में हैं जिन्हें चित्रकार ख़ुद ऑनलाइन बेचता है।</p>",
        "ur": "<p>راجیش کمار بسوترا بسوہلی انداز میں اُن رنگوں سے تصویریں بناتے ہیں جنہیں وہ خود تیار کرتے ہیں — سیندور سے لے کر نیل تک — اور ہر کاغذ کو عقیق کے پتھر سے گھس کر چمکاتے ہیں۔ رس منجری کی اپنی تصویریں بنانے سے پہلے انہوں نے برسوں عجائب گھروں کی پرانی تصویروں کا مطالعہ کیا۔</p><p>ہفتے کے آخر میں وہ کٹھوعہ کے اسکولی بچوں کو مصوری سکھاتے ہیں، اور ہاتھ کے بنے کاغذ پر ان کی چھوٹی تصویریں اُن گنی چنی بسوہلی تصویروں میں ہیں جنہیں مصور خود آن لائن بیچتا ہے۔</p>",
    },
    "mohammad-yousuf-mughal": {
        "en": "<p>Mohammad Yousuf Mughal gathers chikri wood in the hills of Rajouri in late autumn, when the sap is low, and lets it rest for a season before he carves. His spoons, combs and lidded boxes are decorated with fine incised leaves cut freehand.</p><p>When Chikri wood craft received its GI in 2023, he was among the carvers who described the tradition to the registry. He now trains young people from the district in a small workshop beside his home.</p>",
        "hi": "<p>मोहम्मद यूसुफ़ मुग़ल देर पतझड़ में, जब रस कम होता है, राजौरी की पहाड़ियों से चिकरी की लकड़ी इकट्ठा करते हैं और नक्काशी से पहले उसे एक मौसम आराम करने देते हैं। उनके चम्मच, कंघे और ढक्कनदार डिब्बे बिना ख़ाके के उकेरी महीन पत्तियों से सजे होते हैं।</p><p>2023 में जब चिकरी लकड़ी शिल्प को जीआई मिला, वे उन नक्काशों में थे जिन्होंने रजिस्ट्री को इस परंपरा के बारे में बताया। अब वे अपने घर के पास एक छोटी कार्यशाला में ज़िले के युवाओं को प्रशिक्षण देते हैं।</p>",
        "ur": "<p>محمد یوسف مغل خزاں کے آخر میں، جب رس کم ہوتا ہے، راجوری کی پہاڑیوں سے چکری کی لکڑی جمع کرتے ہیں اور نقاشی سے پہلے اسے ایک موسم آرام کرنے دیتے ہیں۔ ان کے چمچ، کنگھے اور ڈھکن والے ڈبے بغیر خاکے کے کندہ باریک پتوں سے سجے ہوتے ہیں۔</p><p>2023 میں جب چکری لکڑی کی دستکاری کو جی آئی ملا، وہ اُن نقاشوں میں تھے جنہوں نے رجسٹری کو اس روایت کے بارے میں بتایا۔ اب وہ اپنے گھر کے پاس ایک چھوٹی کارگاہ میں ضلع کے نوجوانوں کو تربیت دیتے ہیں۔</p>",
    },
    "zareena-begum-khatana": {
        "en": "<p>Zareena Begum Khatana comes from a Gujjar family that moves with its flocks between Poonch and the high meadows every summer. She spins as she walks and weaves through the winter months, as the women of her family always have.</p><p>In 2018 she and eleven other women formed a self-help group to sell blankets and shawls at fairs in Jammu. Listing them online has brought orders from as far away as Bengaluru, and the group now buys its wool together.</p>",
        "hi": "<p>ज़रीना बेगम खटाना एक गुज्जर परिवार से हैं जो हर गर्मी अपने रेवड़ों के साथ पुंछ और ऊँचे चरागाहों के बीच आता-जाता है। वे चलते-चलते कातती हैं और सर्दियों भर बुनती हैं, जैसे उनके परिवार की औरतें हमेशा करती आई हैं।</p><p>2018 में उन्होंने और ग्यारह दूसरी महिलाओं ने जम्मू के मेलों में कंबल और शॉल बेचने के लिए एक स्वयं सहायता समूह बनाया। ऑनलाइन लिस्टिंग से बेंगलुरु तक से ऑर्डर आए हैं, और समूह अब ऊन मिलकर ख़रीदता है।</p>",
        "ur": "<p>زرینہ بیگم کھٹانہ ایک گجر خاندان سے ہیں جو ہر گرمی اپنے ریوڑوں کے ساتھ پونچھ اور اونچی چراگاہوں کے بیچ آتا جاتا ہے۔ وہ چلتے چلتے کاتتی ہیں اور سردیوں بھر بُنتی ہیں، جیسے ان کے خاندان کی عورتیں ہمیشہ کرتی آئی ہیں۔</p><p>2018 میں انہوں نے اور گیارہ دوسری خواتین نے جموں کے میلوں میں کمبل اور شالیں بیچنے کے لیے ایک سیلف ہیلپ گروپ بنایا۔ آن لائن فہرست سازی سے بنگلورو تک سے آرڈر آئے ہیں، اور گروپ اب اون مل کر خریدتا ہے۔</p>",
    },
    "mushtaq-ahmad-khan": {
        "en": "<p>Mushtaq Ahmad Khan's workshop in Anantnag has made Gabba for three generations. He still collects old blankets from households around the district, washes and mills them, and dyes them in copper vats in the yard.</p><p>He chalks each design onto the base cloth and lets his embroiderers work it freehand. Since the 2025 GI, designers have been ordering Gabba from him as wall hangings as well as floor rugs.</p>",
        "hi": "<p>अनंतनाग में मुश्ताक़ अहमद ख़ान की कार्यशाला तीन पीढ़ियों से गब्बा बना रही है। वे आज भी ज़िले भर के घरों से पुराने कंबल इकट्ठा करते हैं, उन्हें धोकर कूटते हैं और आँगन में तांबे के कड़ाहों में रँगते हैं।</p><p>हर डिज़ाइन वे चॉक से आधार के कपड़े पर बनाते हैं और कढ़ाई करने वाले उसे हाथ से उभारते हैं। 2025 के जीआई के बाद डिज़ाइनर उनसे फ़र्श की दरियों के साथ-साथ दीवार-सजावट के लिए भी गब्बा मँगवाने लगे हैं।</p>",
        "ur": "<p>اننت ناگ میں مشتاق احمد خان کی کارگاہ تین نسلوں سے گبہ بنا رہی ہے۔ وہ آج بھی ضلع بھر کے گھروں سے پرانے کمبل جمع کرتے ہیں، انہیں دھو کر کوٹتے ہیں اور صحن میں تانبے کی دیگوں میں رنگتے ہیں۔</p><p>ہر ڈیزائن وہ چاک سے بنیادی کپڑے پر بناتے ہیں اور کڑھائی کرنے والے اسے ہاتھ سے اُبھارتے ہیں۔ 2025 کے جی آئی کے بعد ڈیزائنر ان سے فرش کے ساتھ ساتھ دیوار کی آرائش کے لیے بھی گبہ منگوانے لگے ہیں۔</p>",
    },
    "gulshan-ara": {
        "en": "<p>Gulshan Ara learnt to make namda on a revival course in 2017, when only a handful of older felt-makers were still working in the valley. She now leads a unit of six women in Baramulla that felts and embroiders rugs to order.</p><p>The unit uses only pure wool, which costs more than the blended felt sold cheaply in markets, and Gulshan explains the difference to every buyer who asks why.</p>",
        "hi": "<p>गुलशन आरा ने 2017 में एक पुनर्जीवन कोर्स में नमदा बनाना सीखा, जब घाटी में गिने-चुने बुज़ुर्ग नमदा कारीगर ही काम कर रहे थे। अब वे बारामूला में छह महिलाओं की एक इकाई चलाती हैं जो ऑर्डर पर नमदे बनाती और काढ़ती है।</p><p>इकाई सिर्फ़ शुद्ध ऊन इस्तेमाल करती है, जो बाज़ार में सस्ते बिकने वाले मिश्रित फ़ेल्ट से महँगी पड़ती है, और जो भी ख़रीदार वजह पूछे, गुलशन उसे यह फ़र्क़ समझाती हैं।</p>",
        "ur": "<p>گلشن آرا نے 2017 میں ایک احیائی کورس میں نمدہ بنانا سیکھا، جب وادی میں گنے چنے بزرگ نمدہ ساز ہی کام کر رہے تھے۔ اب وہ بارہمولہ میں چھ خواتین کی ایک یونٹ چلاتی ہیں جو آرڈر پر نمدے بناتی اور کاڑھتی ہے۔</p><p>یونٹ صرف خالص اون استعمال کرتی ہے، جو بازار میں سستے بکنے والے ملے جلے نمدے سے مہنگی پڑتی ہے، اور جو بھی خریدار وجہ پوچھے، گلشن اسے یہ فرق سمجھاتی ہیں۔</p>",
    },
}

# Composed bios for everyone else: a few interchangeable sentences per language, chosen with the seed.
TEACHERS = {
    "en": ["{poss} father", "{poss} mother", "an uncle", "a master craftsman in Srinagar", "a government training centre",
           "{poss} grandmother", "an older neighbour"],
    "hi": ["अपने पिता", "अपनी माँ", "अपने चाचा", "श्रीनगर के एक उस्ताद", "एक सरकारी प्रशिक्षण केंद्र", "अपनी दादी", "एक बुज़ुर्ग पड़ोसी"],
    "ur": ["اپنے والد", "اپنی ماں", "اپنے چچا", "سری نگر کے ایک اُستاد", "ایک سرکاری تربیتی مرکز", "اپنی دادی", "ایک بزرگ پڑوسی"],
}
OPENINGS = {
    "en": ["{name} has worked as a {role} in {district} since {since}.",
           "{name} took up the work of a {role} in {since} and has practised it in {district} ever since.",
           "A {role} based in {district}, {name} has been at the work for more than {years} years.",
           "{name} is a {role} from {district} who began in {since}."],
    "hi": ["{name} {since} से {district} में {role} के रूप में काम कर {r} हैं।",
           "{district} {resident} {name} ने {since} में {craft} का काम शुरू किया और तब से लगातार कर {r} हैं।",
           "{name} {years} साल से ज़्यादा समय से {district} में {craft} का काम कर {r} हैं।"],
    "ur": ["{name} {since} سے {district} میں {role} کے طور پر کام کر {r} ہیں۔",
           "{district} {resident} {name} نے {since} میں {craft} کا کام شروع کیا اور تب سے مسلسل کر {r} ہیں۔",
           "{name} {years} برس سے زیادہ عرصے سے {district} میں {craft} کا کام کر {r} ہیں۔"],
}
LEARNING = {
    "en": ["{Pron} learnt the craft from {teacher}.", "{Pron} trained with {teacher} before working independently.",
           "{Pron} first watched {teacher} at work and was given small pieces to finish.",
           "The skill came from {teacher}, during long winters when there was little other work."],
    "hi": ["उन्होंने यह हुनर {teacher} से सीखा।", "उन्होंने {teacher} से सीखने के बाद अपना अलग काम शुरू किया।",
           "पहले उन्होंने {teacher} को काम करते देखा, फिर छोटे-छोटे टुकड़े पूरे करने को मिले।"],
    "ur": ["انہوں نے یہ ہنر {teacher} سے سیکھا۔", "انہوں نے {teacher} سے سیکھنے کے بعد اپنا الگ کام شروع کیا۔",
           "پہلے انہوں نے {teacher} کو کام کرتے دیکھا، پھر چھوٹے چھوٹے ٹکڑے مکمل کرنے کو ملے۔"],
}
CLOSINGS = {
    "en": ["{Pron} now sells directly online through the Samarth programme.",
           "Selling online has meant fewer middlemen and steadier orders.",
           "{Pron} hopes to train more young people from the district.",
           "Orders now arrive from across India, most of them through Flipkart."],
    "hi": ["अब वे समर्थ कार्यक्रम के ज़रिये सीधे ऑनलाइन बेच{t} हैं।",
           "ऑनलाइन बिक्री से बिचौलिये कम हुए हैं और ऑर्डर नियमित आने लगे हैं।",
           "वे ज़िले के और युवाओं को यह काम सिखाना चाह{t} हैं।"],
    "ur": ["اب وہ سمرتھ پروگرام کے ذریعے براہِ راست آن لائن بیچ{t} ہیں۔",
           "آن لائن فروخت سے بچولیے کم ہوئے ہیں اور آرڈر باقاعدگی سے آنے لگے ہیں۔",
           "وہ ضلع کے مزید نوجوانوں کو یہ کام سکھانا چاہ{t} ہیں۔"],
}
COOP_SENTENCE = {"en": "{Pron} is a member of the {coop}.", "hi": "वे {coop} की सदस्य हैं।", "ur": "وہ {coop} کی رکن ہیں۔"}
WOMEN_LED = {"en": "{Pron} runs the enterprise herself and decides what to make and at what price.",
             "hi": "वे अपना उद्यम ख़ुद चलाती हैं और तय करती हैं कि क्या बनाना है और किस दाम पर।",
             "ur": "وہ اپنا کاروبار خود چلاتی ہیں اور طے کرتی ہیں کہ کیا بنانا ہے اور کس قیمت پر۔"}
DISABILITY_LED = {"en": "{Poss} enterprise is registered as disability-led, and the workbench is adapted so that {pron} can work seated.",
                  "hi": "उनका उद्यम दिव्यांग-नेतृत्व वाले उद्यम के रूप में दर्ज है, और उनकी कार्य-मेज़ ऐसी बनाई गई है कि वे बैठकर काम कर सकें।",
                  "ur": "ان کا کاروبار معذور افراد کی قیادت والے کاروبار کے طور پر درج ہے، اور ان کی کام کی میز ایسی بنائی گئی ہے کہ وہ بیٹھ کر کام کر سکیں۔"}
CRAFT_DETAIL = {
    "pashmina": "Most of the yarn is spun at home on the yender wheel between other chores.",
    "kani": "A stole can take several months on the loom, read from a talim line by line.",
    "sozni": "The work is mostly borders and corner motifs on pashmina stoles, stitched without a frame.",
    "papier-mache": "Boxes and baubles are painted layer by layer, the finest lines with a single-hair brush.",
    "walnut-wood-carving": "The carving is done with a set of chisels that has been sharpened for decades.",
    "khatamband": "Ceiling commissions are laid out on the workshop floor before they are fitted.",
    "hand-knotted-carpet": "The loom is read from a talim, and a medium rug takes the family most of a winter.",
    "namda": "Each rug is felted by hand and foot and then embroidered with a hook.",
    "gabba": "Old blankets are washed, milled and dyed before they are cut for appliqué.",
    "crewel": "Curtain lengths and cushion covers make up most of the orders.",
    "chain-stitch": "Wall hangings are filled edge to edge, one loop at a time.",
    "kashmir-tweed": "The loom turns out herringbone and check lengths for jackets and pherans.",
    "willow-cricket-bat": "Clefts are graded by grain and seasoned for at least a year before shaping.",
    "shikara": "Besides full boats, the workshop makes carved scale models for visitors.",
    "wagguv": "Reeds are cut from the wetlands in late summer and dried before weaving.",
    "basohli-painting": "Pigments are ground by hand and each sheet is burnished with a stone.",
    "basohli-pashmina": "The shawls are plain or have a simple woven border, and very light.",
    "chikri-wood-craft": "Spoons, combs and small boxes are carved freehand and finished with oil.",
    "copperware": "Vessels are raised from flat sheet and engraved with chisel and hammer.",
    "silverware": "Cups and boxes are chased with chinar leaves and almond motifs.",
    "tilla": "Most orders are pheran necklines and bridal borders.",
    "aari": "Suits, stoles and cushion covers are embroidered with the hook at home.",
    "willow-wicker": "Kangris are the winter staple; baskets and hampers sell the rest of the year.",
    "pinjrakari": "Window screens and partitions are made to measure for homes and restorations.",
    "amlikar": "A single shawl can carry hundreds of small embroidered figures.",
    "hill-wool-weaving": "The wool comes from local flocks and is spun, woven and fulled by hand.",
}
PORTRAIT_ALT = {
    "en": "Illustrated portrait of {name}: an abstract silhouette in front of {craft} patterns",
    "hi": "{name} का चित्रित पोर्ट्रेट: {craft} के नमूनों के आगे एक अमूर्त छाया-आकृति",
    "ur": "{name} کا مصور خاکہ: {craft} کے نقشوں کے سامنے ایک تجریدی سایہ",
}
GALLERY_ALT = {
    "en": "Work by {name}: a {craft} piece, detail",
    "hi": "{name} का काम: {craft} के एक टुकड़े का नज़दीकी हिस्सा",
    "ur": "{name} کا کام: {craft} کے ایک ٹکڑے کی تفصیل",
}

# --------------------------------------------------------------------------------------------------
# Product vocabularies, per craft
# --------------------------------------------------------------------------------------------------

COLOURS_TEXTILE = [("ivory", "हाथीदाँत रंग"), ("charcoal", "गहरा स्लेटी"), ("madder red", "मजीठ लाल"), ("indigo", "नील"),
                   ("saffron", "केसरिया"), ("walnut brown", "अखरोटी भूरा"), ("moss green", "काई हरा"), ("rose", "गुलाबी"),
                   ("oatmeal", "हल्का बादामी"), ("maroon", "मैरून"), ("teal", "हरा-नीला"), ("mustard", "सरसों पीला")]
COLOURS_NATURAL = [("natural undyed", "बिना रंगा प्राकृतिक"), ("grey", "स्लेटी"), ("brown", "भूरा"), ("cream", "क्रीम")]
FINISH_WOOD = [("natural finish", "प्राकृतिक फ़िनिश"), ("dark polish", "गहरी पॉलिश"), ("waxed", "मोम पॉलिश")]
PAINTED = [("gold on black", "काले पर सुनहरा"), ("turquoise", "फ़िरोज़ी"), ("vermilion", "सिंदूरी"),
           ("ivory and gold", "हाथीदाँत और सुनहरा"), ("deep blue", "गहरा नीला"), ("pistachio green", "पिस्ता हरा")]
METAL = [("bright copper", "चमकदार तांबा"), ("antique finish", "पुरानी फ़िनिश"), ("tinned inside", "अंदर से क़लईदार")]
MOTIFS_TEXTILE = [("paisley", "कैरी"), ("chinar leaf", "चिनार पत्ती"), ("almond", "बादाम"), ("jaal", "जाल"),
                  ("vine border", "बेल किनारी"), ("tree of life", "जीवन-वृक्ष"), ("iris", "सोसन फूल"), ("lotus", "कमल"),
                  ("bird and branch", "पक्षी और डाली"), ("rosette", "गुलबूटा")]
MOTIFS_WOOD = [("chinar leaf", "चिनार पत्ती"), ("vine", "बेल"), ("lotus", "कमल"), ("grapevine", "अंगूर बेल"),
               ("rose", "गुलाब"), ("geometric", "ज्यामितीय")]
MOTIFS_GEOM = [("star", "तारा"), ("hexagon", "षट्भुज"), ("octagon", "अष्टभुज"), ("twelve-point star", "बारह-कोना तारा")]
MOTIFS_PLAIN = [("plain weave", "सादी बुनाई"), ("striped ends", "धारीदार सिरे"), ("narrow woven border", "पतली बुनी किनारी"), ("small check", "छोटा चारख़ाना")]
THEMES_PAINTING = [("Radha and Krishna", "राधा और कृष्ण"), ("Rasamanjari heroine", "रसमंजरी नायिका"),
                   ("raga Vasanta", "राग वसंत"), ("Gita Govinda scene", "गीत गोविंद दृश्य"), ("court musician", "दरबारी संगीतकार"),
                   ("lady with a peacock", "मोर के साथ नायिका")]
BAT_GRADES = [("Grade 1", "ग्रेड 1"), ("Grade 2", "ग्रेड 2"), ("player's edition", "प्लेयर संस्करण")]

L, W, H, G = "length_cm", "width_cm", "height_cm", "weight_g"


def T(en: str, hi: str, dims: dict[str, tuple[float, float]], price: tuple[int, int]) -> dict[str, Any]:
    return {"en": en, "hi": hi, "dims": dims, "price": price}


FMT_TEXTILE = ["{type}, {motif}, {colour}", "{type} with {motif} motif in {colour}", "{type} in {colour}, {motif} pattern"]
FMT_OBJECT = ["{type}, {motif} design, {colour}", "{type}: {motif}, {colour}", "{type} with {motif} work ({colour})"]

PRODUCTS: dict[str, dict[str, Any]] = {
    "pashmina": {"types": [T("Pashmina shawl", "पश्मीना शॉल", {L: (200, 200), W: (100, 100), G: (180, 260)}, (14000, 45000)),
                           T("Pashmina stole", "पश्मीना स्टोल", {L: (200, 200), W: (70, 70), G: (110, 160)}, (8000, 22000)),
                           T("Pashmina muffler", "पश्मीना मफ़लर", {L: (180, 180), W: (30, 30), G: (60, 90)}, (3500, 7500))],
                 "motifs": MOTIFS_PLAIN, "colours": COLOURS_TEXTILE + COLOURS_NATURAL, "fmts": FMT_TEXTILE, "family": "textile",
                 "making": ["The yarn was hand-spun and woven on a wooden handloom.", "It is woven in a soft twill that drapes without creasing.",
                            "Spun at home and woven in a small Kashmiri workshop, it weighs very little for its size."]},
    "kani": {"types": [T("Kani shawl", "कानी शॉल", {L: (200, 200), W: (100, 100)}, (60000, 250000)),
                       T("Kani stole", "कानी स्टोल", {L: (200, 200), W: (70, 70)}, (25000, 70000))],
             "motifs": MOTIFS_TEXTILE, "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "textile",
             "making": ["Every colour of the pattern was woven in with its own small bobbin, following a talim.",
                        "The design is woven, not embroidered: turn it over and the back shows the colour changes.",
                        "Woven on a twill loom by two weavers reading from the same colour script."]},
    "sozni": {"types": [T("Sozni pashmina stole", "सोज़नी पश्मीना स्टोल", {L: (200, 200), W: (70, 70)}, (12000, 35000)),
                        T("Sozni shawl", "सोज़नी शॉल", {L: (200, 200), W: (100, 100)}, (25000, 90000)),
                        T("Sozni wool stole", "सोज़नी ऊनी स्टोल", {L: (190, 190), W: (70, 70)}, (4500, 11000))],
              "motifs": MOTIFS_TEXTILE, "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "textile",
              "making": ["The border is worked entirely with a fine needle in stem and satin stitch.",
                         "The outline was block-printed in washable blue and then filled stitch by stitch.",
                         "The embroidery is dense enough at the corners to look almost woven."]},
    "papier-mache": {"types": [T("Papier-mâché box", "पेपर-माशी डिब्बा", {L: (12, 20), W: (8, 14), H: (5, 9)}, (900, 3500)),
                               T("Papier-mâché vase", "पेपर-माशी फूलदान", {H: (20, 32), W: (10, 14)}, (1800, 6000)),
                               T("Papier-mâché bauble set", "पेपर-माशी सजावटी गोलों का सेट", {W: (7, 9)}, (1200, 2500)),
                               T("Papier-mâché pen case", "पेपर-माशी क़लमदान", {L: (20, 24), W: (5, 7), H: (4, 6)}, (1200, 3000)),
                               T("Papier-mâché coaster set", "पेपर-माशी कोस्टर सेट", {W: (9, 10), H: (1, 1)}, (700, 1600))],
                     "motifs": [("hazara flowers", "हज़ारा फूल"), ("chinar leaf", "चिनार पत्ती"), ("bulbul and rose", "बुलबुल और गुलाब"),
                                ("arabesque", "अरबेस्क"), ("iris", "सोसन फूल")],
                     "colours": PAINTED, "fmts": FMT_OBJECT, "family": "painted",
                     "making": ["The pulp was pressed over a mould, dried, smoothed and then painted by hand.",
                                "It is painted freehand with fine brushes and sealed with lacquer.",
                                "The painted ground is built up in several coats before the motifs are drawn."]},
    "walnut-wood-carving": {"types": [T("Walnut jewellery box", "अखरोट की लकड़ी का गहनों का डिब्बा", {L: (18, 26), W: (12, 16), H: (7, 10)}, (3500, 12000)),
                                      T("Walnut serving tray", "अखरोट की लकड़ी की ट्रे", {L: (36, 46), W: (24, 30), H: (3, 4)}, (4500, 15000)),
                                      T("Walnut coffee table", "अखरोट की लकड़ी की कॉफ़ी टेबल", {L: (55, 75), W: (55, 75), H: (42, 48)}, (35000, 90000)),
                                      T("Walnut bowl", "अखरोट की लकड़ी का कटोरा", {W: (18, 26), H: (7, 10)}, (2500, 6500)),
                                      T("Walnut pen stand", "अखरोट की लकड़ी का पेन स्टैंड", {W: (8, 10), H: (10, 12)}, (1200, 2800))],
                            "motifs": MOTIFS_WOOD, "colours": FINISH_WOOD, "fmts": FMT_OBJECT, "family": "wood",
                            "making": ["Carved from seasoned walnut and finished with wax.", "The relief is undercut so that the leaves stand clear of the ground.",
                                       "Cut from a single piece of dark heartwood."]},
    "khatamband": {"types": [T("Khatamband ceiling panel", "ख़तमबंद छत पटल", {L: (60, 60), W: (60, 60), H: (4, 4)}, (18000, 45000)),
                             T("Khatamband wall plaque", "ख़तमबंद दीवार पट्टिका", {L: (30, 30), W: (30, 30), H: (3, 3)}, (4500, 9000)),
                             T("Khatamband coaster set", "ख़तमबंद कोस्टर सेट", {W: (10, 10), H: (1, 1)}, (1500, 3000))],
                   "motifs": MOTIFS_GEOM, "colours": FINISH_WOOD, "fmts": FMT_OBJECT, "family": "wood",
                   "making": ["The pieces are grooved and slotted together without nails or glue.",
                              "Assembled from deodar strips cut to a traditional count."]},
    "hand-knotted-carpet": {"types": [T("3 x 5 ft silk carpet", "3 x 5 फ़ुट रेशमी कालीन", {L: (152, 152), W: (91, 91)}, (120000, 450000)),
                                      T("4 x 6 ft wool carpet", "4 x 6 फ़ुट ऊनी कालीन", {L: (183, 183), W: (122, 122)}, (35000, 95000)),
                                      T("Prayer rug", "जानमाज़", {L: (120, 125), W: (75, 80)}, (25000, 80000)),
                                      T("8 ft wool runner", "8 फ़ुट ऊनी रनर", {L: (244, 244), W: (76, 76)}, (30000, 70000))],
                            "motifs": [("medallion", "मध्य-पदक"), ("tree of life", "जीवन-वृक्ष"), ("hunting scene", "शिकारगाह"),
                                       ("garden", "बाग़"), ("vase", "गुलदान"), ("all-over jaal", "पूरा जाल")],
                            "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "rug",
                            "making": ["Knotted by hand from a talim, then sheared and washed.", "The fringe is the end of the warp, not a strip sewn on.",
                                       "Woven on a vertical loom, one knot at a time."]},
    "namda": {"types": [T("Namda rug", "नमदा दरी", {L: (150, 180), W: (90, 120)}, (4500, 12000)),
                        T("Namda mat", "नमदा चटाई", {L: (90, 90), W: (60, 60)}, (2200, 5000))],
              "motifs": [("flowering vine", "फूलों की बेल"), ("chinar leaf", "चिनार पत्ती"), ("bird", "पक्षी"), ("rosette", "गुलबूटा")],
              "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "rug",
              "making": ["Felted from pure wool and embroidered in woollen chain stitch.", "Pressed and rolled by hand until the fibres lock into felt."]},
    "gabba": {"types": [T("Gabba rug", "गब्बा दरी", {L: (180, 180), W: (120, 120)}, (9000, 24000)),
                        T("Gabba wall hanging", "गब्बा दीवार-सजावट", {L: (120, 120), W: (80, 80)}, (6000, 14000))],
              "motifs": [("patchwork", "पैबंदकारी"), ("appliqué flowers", "एप्लीक फूल"), ("border medallion", "किनारी पदक")],
              "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "rug",
              "making": ["Made from milled, dyed wool blanket, cut and stitched in appliqué.", "The appliqué pieces are outlined in woollen chain stitch."]},
    "crewel": {"types": [T("Crewel cushion cover", "क्रूअल कुशन कवर", {L: (40, 40), W: (40, 40)}, (900, 2200)),
                         T("Crewel curtain panel", "क्रूअल परदा", {L: (240, 240), W: (120, 120)}, (6500, 16000)),
                         T("Crewel bedspread", "क्रूअल पलंगपोश", {L: (270, 270), W: (230, 230)}, (14000, 32000))],
               "motifs": [("trailing vine", "लहराती बेल"), ("tree of life", "जीवन-वृक्ष"), ("bird and branch", "पक्षी और डाली"), ("iris", "सोसन फूल")],
               "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "textile",
               "making": ["Worked in wool with the aari hook on a cotton ground.", "Only the motifs are filled; the cloth shows between them."]},
    "chain-stitch": {"types": [T("Chain-stitch wall hanging", "चेन स्टिच दीवार-सजावट", {L: (120, 120), W: (90, 90)}, (7000, 18000)),
                               T("Chain-stitch rug", "चेन स्टिच दरी", {L: (150, 150), W: (90, 90)}, (9000, 22000)),
                               T("Chain-stitch cushion cover", "चेन स्टिच कुशन कवर", {L: (40, 40), W: (40, 40)}, (1100, 2500))],
                     "motifs": [("houseboat scene", "हाउसबोट दृश्य"), ("flowering tree", "फूलदार पेड़"), ("paisley", "कैरी"), ("chinar leaf", "चिनार पत्ती")],
                     "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "rug",
                     "making": ["Filled edge to edge in hook chain stitch, so no ground shows.", "The rows of chain follow the curve of every motif."]},
    "kashmir-tweed": {"types": [T("Tweed jacket length (2.5 m)", "ट्वीड जैकेट का कपड़ा (2.5 मीटर)", {L: (250, 250), W: (75, 75)}, (4500, 9000)),
                                T("Tweed pheran", "ट्वीड फिरन", {L: (110, 115), W: (65, 70)}, (5500, 12000)),
                                T("Tweed scarf", "ट्वीड स्कार्फ़", {L: (180, 180), W: (30, 30)}, (1500, 3200))],
                      "motifs": [("herringbone", "हेरिंगबोन"), ("houndstooth", "हाउंडस्टूथ"), ("check", "चारख़ाना"), ("plain twill", "सादा टवील")],
                      "colours": COLOURS_NATURAL + [("charcoal", "गहरा स्लेटी"), ("moss green", "काई हरा")], "fmts": FMT_TEXTILE, "family": "textile",
                      "making": ["Handloom-woven from local wool and fulled for a firm hand.", "Woven on a handloom in a hard-wearing twill."]},
    "willow-cricket-bat": {"types": [T("Full-size Kashmir willow bat", "पूरे आकार का कश्मीर विलो बैट", {L: (85, 86), W: (10.8, 10.8), G: (1150, 1300)}, (2500, 9000)),
                                     T("Junior (size 4) Kashmir willow bat", "जूनियर (साइज़ 4) कश्मीर विलो बैट", {L: (76, 78), W: (9.5, 9.5), G: (850, 950)}, (1500, 3500)),
                                     T("Tennis-ball bat", "टेनिस-बॉल बैट", {L: (85, 86), W: (10.8, 10.8), G: (1000, 1100)}, (1200, 2500))],
                           "motifs": BAT_GRADES, "colours": [("natural", "प्राकृतिक"), ("oiled", "तेल लगा")], "fmts": ["{type}, {motif}", "{type} ({motif}, {colour})"],
                           "family": "bat",
                           "making": ["Shaped by hand from a seasoned cleft and fitted with a cane handle.", "The cleft was pressed and seasoned before shaping."]},
    "shikara": {"types": [T("Carved shikara model", "तराशा हुआ शिकारा मॉडल", {L: (40, 50), W: (9, 11), H: (10, 14)}, (3500, 9000)),
                          T("Large shikara model", "बड़ा शिकारा मॉडल", {L: (85, 95), W: (17, 20), H: (20, 24)}, (12000, 25000))],
                "motifs": [("canopy", "छतरी"), ("carved prow", "तराशा अगला सिरा"), ("painted panels", "चित्रित पटल")],
                "colours": FINISH_WOOD, "fmts": FMT_OBJECT, "family": "wood",
                "making": ["Built plank by plank like the full-size boat, in walnut and deodar.", "Made by a boat-building family on the lake."]},
    "wagguv": {"types": [T("Wagguv floor mat", "वगुव फ़र्श चटाई", {L: (180, 180), W: (120, 120)}, (2500, 6000)),
                         T("Wagguv runner", "वगुव रनर", {L: (240, 240), W: (60, 60)}, (2200, 4500)),
                         T("Set of 6 wagguv table mats", "वगुव के 6 टेबल मैट का सेट", {L: (45, 45), W: (30, 30)}, (800, 1800))],
               "motifs": [("plain twine", "सादी गुँथाई"), ("striped", "धारीदार"), ("chevron", "शेवरॉन")],
               "colours": [("straw", "भूसा रंग"), ("natural green", "प्राकृतिक हरा")], "fmts": ["{type}, {motif}", "{type}, {motif} ({colour})"],
               "family": "natural",
               "making": ["Twined by hand from wetland reed.", "The reeds were cut in late summer and dried before weaving."]},
    "basohli-painting": {"types": [T("Basohli miniature painting", "बसोहली लघु चित्र", {L: (24, 28), W: (17, 20)}, (8000, 45000)),
                                   T("Large Basohli painting", "बड़ा बसोहली चित्र", {L: (38, 42), W: (28, 31)}, (30000, 90000))],
                         "motifs": THEMES_PAINTING, "colours": [("red border", "लाल हाशिया"), ("yellow ground", "पीली ज़मीन")],
                         "fmts": ["{type}: {motif}", "{type}, {motif}, {colour}"], "family": "painting",
                         "making": ["Painted with hand-ground mineral pigments on handmade paper and burnished.",
                                    "Beetle-wing fragments are set into the jewellery, as in the old paintings."]},
    "basohli-pashmina": {"types": [T("Basohli pashmina shawl", "बसोहली पश्मीना शॉल", {L: (200, 200), W: (100, 100), G: (140, 200)}, (16000, 42000)),
                                   T("Basohli pashmina stole", "बसोहली पश्मीना स्टोल", {L: (200, 200), W: (70, 70), G: (90, 130)}, (9000, 22000))],
                         "motifs": MOTIFS_PLAIN, "colours": COLOURS_NATURAL + [("ivory", "हाथीदाँत रंग"), ("rose", "गुलाबी")],
                         "fmts": FMT_TEXTILE, "family": "textile",
                         "making": ["Hand-spun and woven in Kathua, very light for its size.", "Woven plain so that the softness of the fibre shows."]},
    "chikri-wood-craft": {"types": [T("Chikri wood spoon set", "चिकरी लकड़ी के चम्मचों का सेट", {L: (22, 28), W: (4, 6)}, (600, 1500)),
                                    T("Chikri wood comb", "चिकरी लकड़ी का कंघा", {L: (14, 17), W: (5, 7)}, (350, 900)),
                                    T("Chikri wood jewellery box", "चिकरी लकड़ी का गहनों का डिब्बा", {L: (14, 18), W: (9, 12), H: (7, 9)}, (2000, 5500))],
                          "motifs": [("incised leaf", "उकेरी पत्ती"), ("plain", "सादा"), ("dot border", "बिंदु किनारी")],
                          "colours": [("natural", "प्राकृतिक"), ("oiled", "तेल लगा")], "fmts": ["{type}, {motif}", "{type} with {motif} decoration"],
                          "family": "wood",
                          "making": ["Carved freehand from seasoned chikri wood and finished with oil.", "Cut from a single piece of pale, close-grained chikri."]},
    "copperware": {"types": [T("Engraved copper samovar", "नक़्क़ाशीदार तांबे का समावार", {H: (40, 50), W: (22, 28)}, (9000, 28000)),
                             T("Copper trami platter", "तांबे की तरामी थाली", {W: (55, 65), H: (6, 8)}, (12000, 30000)),
                             T("Engraved copper tray", "नक़्क़ाशीदार तांबे की ट्रे", {L: (32, 38), W: (32, 38)}, (3500, 8000)),
                             T("Set of 4 copper kahwa cups", "तांबे के 4 कहवा प्यालों का सेट", {H: (6, 7), W: (7, 8)}, (2200, 4800))],
                   "motifs": [("floral scroll", "फूलदार बेल"), ("calligraphic band", "सुलेखी पट्टी"), ("chinar leaf", "चिनार पत्ती"), ("almond", "बादाम")],
                   "colours": METAL, "fmts": FMT_OBJECT, "family": "metal",
                   "making": ["Raised from copper sheet by hand and engraved with chisel and hammer.", "The engraving is cut freehand, so no two pieces are identical."]},
    "silverware": {"types": [T("Chased silver cup", "नक़्क़ाशीदार चाँदी का प्याला", {H: (9, 11), W: (7, 8)}, (14000, 35000)),
                             T("Silver trinket box", "चाँदी की छोटी डिबिया", {L: (8, 11), W: (6, 8), H: (4, 5)}, (12000, 30000)),
                             T("Silver filigree earrings", "चाँदी के तारकशी झुमके", {L: (4, 6)}, (4500, 12000))],
                   "motifs": [("chinar leaf", "चिनार पत्ती"), ("almond", "बादाम"), ("lotus", "कमल")],
                   "colours": [("polished", "पॉलिश"), ("oxidised", "ऑक्सीडाइज़्ड")], "fmts": FMT_OBJECT, "family": "metal",
                   "making": ["Chased by hand in sterling silver.", "Worked in repoussé from behind and chased from the front."]},
    "tilla": {"types": [T("Tilla pheran", "तिल्ला फिरन", {L: (110, 115), W: (65, 70)}, (9000, 26000)),
                        T("Tilla stole", "तिल्ला स्टोल", {L: (200, 200), W: (70, 70)}, (6000, 16000))],
              "motifs": [("neckline", "गला"), ("paisley border", "कैरी किनारी"), ("chinar leaf", "चिनार पत्ती")],
              "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "textile",
              "making": ["The metallic thread is laid on the surface and couched with tiny stitches.", "Hand-couched tilla on a fine wool ground."]},
    "aari": {"types": [T("Aari embroidered suit set", "आरी कढ़ाई वाला सूट सेट", {L: (250, 250), W: (110, 110)}, (3500, 9000)),
                       T("Aari stole", "आरी स्टोल", {L: (200, 200), W: (70, 70)}, (2500, 7000)),
                       T("Pair of aari cushion covers", "आरी कुशन कवर की जोड़ी", {L: (40, 40), W: (40, 40)}, (800, 1800))],
             "motifs": MOTIFS_TEXTILE, "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "textile",
             "making": ["Embroidered at home with the aari hook in fine chain stitch.", "The hook lays lines of tiny chain that fill each motif."]},
    "willow-wicker": {"types": [T("Willow kangri", "विलो कांगड़ी", {W: (20, 24), H: (22, 28)}, (450, 1200)),
                                T("Willow laundry basket", "विलो कपड़ों की टोकरी", {W: (40, 48), H: (55, 65)}, (1800, 4500)),
                                T("Willow picnic hamper", "विलो पिकनिक हैम्पर", {L: (42, 48), W: (28, 32), H: (22, 26)}, (2500, 5500))],
                      "motifs": [("plain weave", "सादी बुनाई"), ("twill weave", "टवील बुनाई"), ("openwork", "जालीदार")],
                      "colours": [("natural", "प्राकृतिक"), ("peeled white", "छिला सफ़ेद")], "fmts": ["{type}, {motif}", "{type}, {motif} ({colour})"],
                      "family": "natural",
                      "making": ["Woven over a frame from boiled and peeled willow rods.", "Made from one-year willow rods cut along the streams."]},
    "pinjrakari": {"types": [T("Pinjrakari window screen", "पिंजराकारी खिड़की जाली", {L: (90, 90), W: (60, 60), H: (3, 3)}, (15000, 42000)),
                             T("Pinjrakari room divider", "पिंजराकारी कमरा विभाजक", {L: (180, 180), W: (150, 150), H: (3, 3)}, (55000, 120000)),
                             T("Pinjrakari table lamp", "पिंजराकारी टेबल लैंप", {W: (28, 32), H: (42, 48)}, (6000, 14000))],
                   "motifs": MOTIFS_GEOM, "colours": FINISH_WOOD, "fmts": FMT_OBJECT, "family": "wood",
                   "making": ["Assembled from separate cut and turned pieces, joined by hand.", "The lattice lets light through in a geometric pattern."]},
    "amlikar": {"types": [T("Amlikar shawl", "अमलीकार शॉल", {L: (200, 200), W: (100, 100)}, (45000, 160000)),
                          T("Amlikar stole", "अमलीकार स्टोल", {L: (200, 200), W: (70, 70)}, (22000, 55000))],
                "motifs": [("birds and flowers", "पक्षी और फूल"), ("garden", "बाग़"), ("hunting scene", "शिकारगाह")],
                "colours": COLOURS_TEXTILE, "fmts": FMT_TEXTILE, "family": "textile",
                "making": ["Embroidered entirely by needle over the whole ground of the shawl.", "Hundreds of small figures are drawn with the needle."]},
    "hill-wool-weaving": {"types": [T("Handwoven loi blanket", "हाथ से बुनी लोई", {L: (230, 230), W: (135, 135), G: (1400, 1900)}, (4500, 11000)),
                                    T("Hill wool shawl", "पहाड़ी ऊनी शॉल", {L: (200, 200), W: (100, 100)}, (2500, 6500)),
                                    T("Pattu cloth length (2.5 m)", "पट्टू कपड़ा (2.5 मीटर)", {L: (250, 250), W: (75, 75)}, (2200, 5000))],
                          "motifs": MOTIFS_PLAIN, "colours": COLOURS_NATURAL, "fmts": FMT_TEXTILE, "family": "textile",
                          "making": ["Spun from local sheep wool and woven on a narrow loom.", "Washed and fulled after weaving to close the cloth against wind."]},
}

# Sentences about the motif and colour; a craft whose "motif" is really a grade or a scene has its own.
SENTENCES_PLAIN = ["Woven in {colour}, with a {motif}.", "The colour is {colour}; the finish is a {motif}."]
SENTENCES_BY_CRAFT = {
    "willow-cricket-bat": ["Sold as {motif}, with a {colour} face.", "This is the maker's {motif}, finished {colour}."],
    "basohli-painting": ["The subject is {motif}, framed with a {colour} in the Basohli manner.", "It shows {motif}, set on a {colour}."],
    "wagguv": ["The reeds are twined in a {motif} pattern, left {colour}.", "A {motif} pattern in {colour} reed."],
    "willow-wicker": ["Woven in {motif}, in {colour} willow.", "The weave is {motif}; the rods are {colour}."],
    "chikri-wood-craft": ["Finished with {motif} decoration and left {colour}.", "The decoration is {motif}; the finish is {colour}."],
    "shikara": ["The model has a {motif}, with a {colour}.", "Look for the {motif}, in a {colour}."],
    "pashmina": SENTENCES_PLAIN, "basohli-pashmina": SENTENCES_PLAIN, "hill-wool-weaving": SENTENCES_PLAIN,
}
MOTIF_SENTENCES = ["The {motif} design is picked out in {colour}.", "{Colour} sets the tone, with the {motif} pattern repeated along the edges.",
                   "A {motif} pattern in {colour} runs across the piece.", "Its {motif} design keeps to a quiet {colour} palette."]
CARE = {"textile": ["Dry clean only.", "Air it in the shade and store it folded with a cotton cloth.", "Dry clean; do not wring."],
        "rug": ["Shake or vacuum gently; professional cleaning only.", "Rotate it now and then so it wears evenly."],
        "wood": ["Wipe with a dry cloth; keep away from direct heat.", "A little beeswax once a year keeps the finish."],
        "painted": ["Wipe with a soft dry cloth; not for liquids.", "Keep out of direct sun to protect the colours."],
        "metal": ["Clean with lemon and salt, then rinse and dry.", "Polish with a soft cloth."],
        "painting": ["Frame behind glass, away from direct sun.", "Store flat between acid-free sheets until framed."],
        "bat": ["Oil lightly and knock in before playing with a hard ball.", "Knock in for a few hours before match use."],
        "natural": ["Keep dry; air it in the sun now and then.", "Wipe with a damp cloth and let it dry in the air."]}
LEAD_TIME = ["Each piece differs slightly from the photograph.", "Small variations are part of handwork.", "Made to order in about {weeks} weeks when out of stock.",
             "Ships from {district}."]
CARE_HI = {"textile": "सिर्फ़ ड्राई क्लीन कराएँ।", "rug": "हल्के से झाड़ें; सफ़ाई पेशेवर से कराएँ।", "wood": "सूखे कपड़े से पोंछें; सीधी गर्मी से दूर रखें।",
           "painted": "मुलायम सूखे कपड़े से पोंछें।", "metal": "नींबू और नमक से साफ़ करके सुखा लें।", "painting": "काँच के पीछे फ़्रेम करें, सीधी धूप से दूर।",
           "bat": "हार्ड बॉल से खेलने से पहले हल्का तेल लगाकर ठोक लें।", "natural": "सूखा रखें; कभी-कभी धूप दिखाएँ।"}
VIEW_ALT = {"en": ["{title}, full view", "{title}: close-up of the {motif} work", "{title}, shown from another angle"],
            "hi": ["{title}, पूरा दृश्य", "{title}: {motif} काम का नज़दीकी दृश्य", "{title}, दूसरे कोण से"]}
# How many pattern images each craft's products share (content/media/products/<craft>-<n>.jpg).
POOL_SIZE = {"pashmina": 5, "kani": 4, "sozni": 5, "papier-mache": 5, "walnut-wood-carving": 5, "hand-knotted-carpet": 5,
             "hill-wool-weaving": 4, "aari": 4, "basohli-painting": 4}
GI_LABELLED = {"pashmina", "kani", "sozni", "papier-mache", "walnut-wood-carving", "hand-knotted-carpet"}

# --------------------------------------------------------------------------------------------------
# Collections
# --------------------------------------------------------------------------------------------------

COLLECTIONS = [
    {"key": "winter-shawls", "featured": True, "hero": "crafts/pashmina.jpg", "pick": ("crafts", ["pashmina", "kani", "sozni", "basohli-pashmina", "amlikar", "tilla", "hill-wool-weaving", "kashmir-tweed"]),
     "en": ("Shawls for the cold months", "Pashmina, Kani, sozni and hill wool: warm pieces made for a Himalayan winter.",
            "<p>From feather-light Basohli pashmina to a heavy loi blanket from the Chenab valley, these are the pieces Jammu &amp; Kashmir wraps itself in from November to March. Each one links to its maker and to the marketplaces where it is sold.</p>"),
     "hi": ("सर्दियों के शॉल", "पश्मीना, कानी, सोज़नी और पहाड़ी ऊन: हिमालयी सर्दी के लिए बनी गरम चीज़ें।",
            "<p>पंख-से हल्के बसोहली पश्मीना से लेकर चिनाब घाटी की भारी लोई तक — ये वे चीज़ें हैं जिनमें जम्मू-कश्मीर नवंबर से मार्च तक लिपटा रहता है। हर चीज़ अपने कारीगर और उस बाज़ार से जुड़ी है जहाँ वह बिकती है।</p>"),
     "ur": ("سردیوں کی شالیں", "پشمینہ، کانی، سوزنی اور پہاڑی اون: ہمالیائی سردی کے لیے بنی گرم چیزیں۔",
            "<p>پَر جیسی ہلکی بسوہلی پشمینہ سے لے کر وادیٔ چناب کی بھاری لوئی تک — یہ وہ چیزیں ہیں جن میں جموں و کشمیر نومبر سے مارچ تک لپٹا رہتا ہے۔ ہر چیز اپنے کاریگر اور اُس بازار سے جڑی ہے جہاں وہ بکتی ہے۔</p>")},
    {"key": "gifts-under-5000", "featured": True, "hero": "crafts/papier-mache.jpg", "rule": {"price_max": 5000},
     "en": ("Gifts under ₹5,000", "Papier-mâché, chikri spoons, wicker and aari: handmade gifts at a gentle price.", None),
     "hi": ("₹5,000 से कम के उपहार", "पेपर-माशी, चिकरी के चम्मच, विकर और आरी: किफ़ायती दाम पर हाथ के बने उपहार।", None)},
    {"key": "kashmiri-carpets", "hero": "crafts/hand-knotted-carpet.jpg", "rule": {"craft": "hand-knotted-carpet"}, "old_slugs": ["carpets"],
     "en": ("Kashmiri hand-knotted carpets", "Silk and wool carpets knotted from a talim, each with its knot count on the label.", None)},
    {"key": "from-kathua", "hero": "crafts/basohli-painting.jpg", "rule": {"district": "kathua"},
     "en": ("Made in Kathua", "Basohli paintings and Basohli pashmina, both with GI tags since 2023.", None),
     "hi": ("कठुआ में बना", "बसोहली चित्र और बसोहली पश्मीना, दोनों को 2023 से जीआई टैग।", None),
     "ur": ("کٹھوعہ میں بنا", "بسوہلی تصویریں اور بسوہلی پشمینہ، دونوں کو 2023 سے جی آئی ٹیگ۔", None)},
    {"key": "women-led-workshops", "featured": True, "hero": "crafts/sozni.jpg", "pick": ("women", 10),
     "en": ("Women-led workshops", "Enterprises and cooperatives run by women, from sozni groups in Srinagar to weavers in Poonch.",
            "<p>The Samarth programme names women-led enterprises as a priority group. These are some of the women who run their own workshops and cooperatives in the catalog: they set the designs, the prices and the pace.</p>"),
     "hi": ("महिलाओं की कार्यशालाएँ", "महिलाओं द्वारा चलाए जा रहे उद्यम और सहकारी समितियाँ, श्रीनगर के सोज़नी समूहों से पुंछ की बुनकरों तक।",
            "<p>समर्थ कार्यक्रम महिलाओं के नेतृत्व वाले उद्यमों को प्राथमिकता समूह मानता है। ये कैटलॉग की कुछ ऐसी महिलाएँ हैं जो अपनी कार्यशालाएँ और सहकारी समितियाँ ख़ुद चलाती हैं: डिज़ाइन, दाम और रफ़्तार वही तय करती हैं।</p>"),
     "ur": ("خواتین کی کارگاہیں", "خواتین کے چلائے کاروبار اور کوآپریٹوز، سری نگر کے سوزنی گروپوں سے پونچھ کی بُنکروں تک۔",
            "<p>سمرتھ پروگرام خواتین کی قیادت والے کاروباروں کو ترجیحی گروپ مانتا ہے۔ یہ کیٹلاگ کی چند ایسی خواتین ہیں جو اپنی کارگاہیں اور کوآپریٹوز خود چلاتی ہیں: ڈیزائن، قیمت اور رفتار وہی طے کرتی ہیں۔</p>")},
    {"key": "carved-in-wood", "hero": "crafts/walnut-wood-carving.jpg", "pick": ("crafts", ["walnut-wood-carving", "chikri-wood-craft", "khatamband", "pinjrakari", "shikara"]),
     "en": ("Carved in wood", "Walnut from the valley, chikri from Rajouri, and the joinery of khatamband and pinjrakari.", None),
     "hi": ("लकड़ी में तराशा", "घाटी की अखरोट, राजौरी की चिकरी, और ख़तमबंद व पिंजराकारी की जोड़ाई।", None)},
    {"key": "heirloom-pieces", "hero": "crafts/kani.jpg", "rule": {"price_min": 40000},
     "en": ("Heirloom pieces", "Shawls, carpets and carvings that take months to make and are meant to be handed down.", None)},
    {"key": "new-gi-crafts-2025", "featured": True, "hero": "crafts/namda.jpg",
     "pick": ("crafts", ["namda", "gabba", "crewel", "chain-stitch", "kashmir-tweed", "willow-cricket-bat", "shikara", "wagguv"]),
     "en": ("The 2025 GI crafts", "Namda, Gabba, crewel, chain stitch, tweed, willow bats, shikara and wagguv: eight Kashmiri crafts registered in 2025.", None),
     "hi": ("2025 के जीआई शिल्प", "नमदा, गब्बा, क्रूअल, चेन स्टिच, ट्वीड, विलो बैट, शिकारा और वगुव: 2025 में दर्ज आठ कश्मीरी शिल्प।", None),
     "ur": ("2025 کی جی آئی دستکاریاں", "نمدہ، گبہ، کریول، زنجیری ٹانکا، ٹویڈ، ولو بیٹ، شکارہ اور وگو: 2025 میں درج آٹھ کشمیری دستکاریاں۔", None)},
    {"key": "papier-mache-under-3000", "hero": "crafts/papier-mache.jpg", "rule": {"craft": "papier-mache", "price_max": 3000},
     "en": ("Papier-mâché under ₹3,000", "Boxes, baubles and coasters painted by hand in Srinagar and Jammu.", None)},
]
COLLECTION_ALT = {"en": "Pattern study representing the collection {title}", "hi": "संग्रह {title} को दर्शाता नमूना-चित्र",
                  "ur": "مجموعہ {title} کی نمائندگی کرتا نقش"}

# --------------------------------------------------------------------------------------------------
# Building the records
# --------------------------------------------------------------------------------------------------

MONTHS_2026 = ("2026-08-", "2026-09-", "2026-10-", "2026-11-")


def rng_for(*parts: object) -> random.Random:
    """A random generator seeded from the record's own key, so one change does not reshuffle the rest."""
    return random.Random(":".join(map(str, (SEED, *parts))))


def slugify(text: str, limit: int = 60) -> str:
    text = text.lower().replace("â", "a").replace("é", "e").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:limit].rstrip("-")


def read_records(type_dir: str) -> dict[str, dict[str, dict[str, Any]]]:
    """{key: {locale: record}} of a hand-written folder of content/."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for path in sorted((CONTENT / type_dir).glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        out.setdefault(rec["translation_key"], {})[rec["locale"]] = rec
    return out


def base(type_: str, key: str, locale: str, old_slugs: list[str] | None = None) -> dict[str, Any]:
    rec: dict[str, Any] = {"type": type_, "id": f"{type_}-{key}-{locale}", "slug": key, "locale": locale, "translation_key": key}
    if old_slugs:
        rec["old_slugs"] = old_slugs
    return rec


def seller_name(a: dict[str, Any]) -> str:
    if a["coop"]:
        return COOPERATIVES[a["coop"]][0]
    first, *_, last = a["name"]["en"].split()
    word = SELLER_WORD[a["crafts"][0]]
    return f"{first} {word} Collective" if "women-led" in a["flags"] else f"{last} {word} Works"


def composed_bio(a: dict[str, Any], locale: str, crafts: dict, districts: dict) -> str:
    r = rng_for("bio", a["key"], locale)
    f = a["sex"] == "f"
    craft = a["crafts"][0]
    fields = {
        "name": a["name"][locale], "since": a["since"], "years": 2026 - a["since"],
        "district": districts[a["district"]][locale]["name"], "craft": crafts[craft][locale]["name"],
        "role": ROLE[craft][LOCALES.index(locale)],
        "Pron": "She" if f else "He", "pron": "she" if f else "he", "poss": "her" if f else "his", "Poss": "Her" if f else "His",
        "r": {"hi": "रही" if f else "रहे", "ur": "رہی" if f else "رہے"}.get(locale, ""),
        "t": {"hi": "ती" if f else "ते", "ur": "تی" if f else "تے"}.get(locale, ""),
        "resident": {"hi": "की रहने वाली" if f else "के रहने वाले", "ur": "کی رہنے والی" if f else "کے رہنے والے"}.get(locale, ""),
    }
    fields["teacher"] = r.choice(TEACHERS[locale]).format(**fields)
    sentences = [r.choice(OPENINGS[locale]), r.choice(LEARNING[locale])]
    if locale == "en":
        sentences.append(CRAFT_DETAIL[craft])
    second = []
    if a["coop"]:
        fields["coop"] = COOPERATIVES[a["coop"]][LOCALES.index(locale)]
        second.append(COOP_SENTENCE[locale])
    if "women-led" in a["flags"] and f:
        second.append(WOMEN_LED[locale])
    if "disability-led" in a["flags"]:
        second.append(DISABILITY_LED[locale])
    second.append(r.choice(CLOSINGS[locale]))
    p1 = " ".join(s.format(**fields) for s in sentences)
    p2 = " ".join(s.format(**fields) for s in second)
    return f"<p>{p1}</p><p>{p2}</p>"


def random_date(r: random.Random, start: str, end: str) -> str:
    from datetime import date, timedelta

    d0, d1 = date.fromisoformat(start), date.fromisoformat(end)
    return (d0 + timedelta(days=r.randint(0, (d1 - d0).days))).isoformat()


def pool_image(craft: str, n: int) -> str:
    return f"products/{craft}-{n}.jpg"


def build_artisans(crafts: dict, districts: dict) -> list[dict[str, Any]]:
    records = []
    for index, a in enumerate(sorted(ARTISANS, key=lambda x: x["key"]), start=1):
        r = rng_for("artisan", a["key"])
        consent_date = random_date(r, "2025-02-01", "2026-10-31")
        covers = ["profile", "photos", "products"] if a["photos"] else ["profile", "products"]
        for locale in a["locales"].split():
            i = LOCALES.index(locale)
            craft_name = crafts[a["crafts"][0]][locale]["name"]
            rec = base("artisan", a["key"], locale, a["old_slugs"])
            rec["name"] = a["name"][locale]
            rec["crafts"] = a["crafts"]
            rec["district"] = a["district"]
            rec["bio"] = FEATURED_BIOS[a["key"]][locale] if a["key"] in FEATURED_BIOS else composed_bio(a, locale, crafts, districts)
            if a["photos"]:
                rec["portrait"] = {"src": f"artisans/{a['key']}.jpg", "alt": PORTRAIT_ALT[locale].format(name=a["name"][locale], craft=craft_name),
                                   "focal_point": {"x": 0.5, "y": 0.35}}
                if a["featured"]:
                    pool = POOL_SIZE.get(a["crafts"][0], 3)
                    rec["gallery"] = [{"src": pool_image(a["crafts"][0], n), "alt": GALLERY_ALT[locale].format(name=a["name"][locale], craft=craft_name)}
                                      for n in sorted(rng_for("gallery", a["key"]).sample(range(1, pool + 1), 2))]
            rec["practising_since"] = a["since"]
            if a["awards"]:
                rec["awards"] = [{"name": AWARDS[k][i], "year": y} for k, y in a["awards"]]
            rec["languages"] = [lang if locale == "en" else LANGUAGES[lang][i - 1] for lang in a["langs"]]
            if a["coop"]:
                rec["cooperative"] = COOPERATIVES[a["coop"]][i]
            if a["flags"]:
                rec["flags"] = a["flags"]
            if a["featured"]:
                rec["featured"] = True
            rec["consent"] = {"reference": f"CNS-{consent_date[:4]}-{index:04d}", "date": consent_date, "covers": covers}
            records.append(rec)
    return records


def price_round(value: float) -> int:
    step = 50 if value < 5000 else 100 if value < 20000 else 500
    return int(round(value / step) * step)


def marketplace_listing(r: random.Random, kind: str, slug: str, seller: str, price: int) -> dict[str, Any]:
    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    availability = r.choices(["in_stock", "out_of_stock", "preorder", "discontinued"], weights=[76, 12, 7, 5])[0]
    checked = r.choice(MONTHS_2026) + f"{r.randint(1, 20):02d}"
    if kind == "flipkart":
        itm = "".join(r.choice("0123456789abcdef") for _ in range(13))
        pid = "".join(r.choice(alnum) for _ in range(16))
        return {"marketplace": "Flipkart", "url": f"https://www.flipkart.com/{slug}/p/itm{itm}?pid={pid}", "seller": seller,
                "programme": "Samarth", "price_inr": price, "availability": availability, "last_checked": checked}
    if kind == "amazon":
        asin = "B0" + "".join(r.choice(alnum) for _ in range(8))
        return {"marketplace": "Amazon", "url": f"https://www.amazon.in/dp/{asin}", "seller": seller, "programme": "Karigar",
                "price_inr": price_round(price * r.uniform(1.02, 1.08)), "availability": availability, "last_checked": checked}
    return {"marketplace": "JKHHC online emporium (demo)", "url": f"https://emporium.jkhhc.example/products/{slug}",
            "seller": "J&K Handlooms & Handicrafts Corporation", "price_inr": price, "availability": availability, "last_checked": checked}


def mark_dead(listings: list[dict[str, Any]], key: str) -> None:
    """About one listing in twenty was found dead by the listing checker (gone, or redirected to the
    marketplace's search page). A generator of its own, so the rest of the catalog stays as it was."""
    r = rng_for("dead-listing", key)
    for listing in listings:
        if r.random() < 0.05:
            listing["link_status"] = "dead"


def build_products(crafts: dict, districts: dict) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    used_keys: set[str] = set()
    used_codes: set[str] = set()
    renamed = {"asiya-jan", "ghulam-nabi-dar", "zareena-begum-khatana"}
    for a in sorted(ARTISANS, key=lambda x: x["key"]):
        count = 4 if a["featured"] else 2
        for n in range(count):
            r = rng_for("product", a["key"], n)
            craft = a["crafts"][n % len(a["crafts"])]
            vocab = PRODUCTS[craft]
            ptype = vocab["types"][r.randrange(len(vocab["types"]))] if n else vocab["types"][0]
            motif_en, motif_hi = r.choice(vocab["motifs"])
            colour_en, colour_hi = r.choice(vocab["colours"])
            title = r.choice(vocab["fmts"]).format(type=ptype["en"], motif=motif_en, colour=colour_en)
            key = slugify(f"{ptype['en']} {motif_en} {a['name']['en'].split()[0]}")
            while key in used_keys:
                key = slugify(f"{key} {n + 2}")
            used_keys.add(key)
            old = [slugify(f"{ptype['en']} {a['key'].split('-')[0]}")] if a["key"] in renamed and n == 0 else None
            price = price_round(r.uniform(*ptype["price"]))
            dims = {}
            for field, (lo, hi) in ptype["dims"].items():
                value = lo if lo == hi else r.uniform(lo, hi)
                dims[field] = int(round(value, -1)) if field == "weight_g" else (round(value, 1) if value % 1 else int(value))
                if field != "weight_g" and lo != hi:
                    dims[field] = int(round(value))
            pool = POOL_SIZE.get(craft, 3)
            picks = sorted(r.sample(range(1, pool + 1), r.choice([1, 1, 2, 2, 3]) if pool >= 3 else 1))
            code = None
            if craft in GI_LABELLED and r.random() < 0.7:
                while code is None or code in used_codes:
                    code = f"{r.randint(10_000_000, 99_999_999)}"
                used_codes.add(code)
            seller = seller_name(a)
            kinds = ["flipkart"] if r.random() < 0.9 else ["amazon"]
            extra = r.choices([0, 1, 2], weights=[55, 35, 10])[0]
            for other in ("amazon", "emporium")[:extra]:
                if other not in kinds:
                    kinds.append(other)
            listings = [marketplace_listing(r, kind, key, seller, price) for kind in kinds]
            mark_dead(listings, key)
            district_en = districts[a["district"]]["en"]["name"]
            fields = {"motif": motif_en, "colour": colour_en, "Colour": colour_en[:1].upper() + colour_en[1:],
                      "district": district_en, "weeks": r.randint(3, 10)}
            p1 = f"{r.choice(vocab['making'])} {r.choice(SENTENCES_BY_CRAFT.get(craft, MOTIF_SENTENCES)).format(**fields)}"
            p2 = f"Made by {a['name']['en']} in {district_en}. {r.choice(CARE[vocab['family']])} {r.choice(LEAD_TIME).format(**fields)}"
            locales = ["en", "hi"] if a["featured"] and n == 0 else ["en"]
            for locale in locales:
                rec = base("product", key, locale, old)
                if locale == "en":
                    rec["title"] = title
                    rec["description"] = f"<p>{p1}</p><p>{p2}</p>"
                    alt_title, alt_motif = title, motif_en
                else:
                    rec["title"] = f"{ptype['hi']}, {motif_hi}, {colour_hi}"
                    rec["description"] = (f"<p>{ptype['hi']} — {motif_hi}, {colour_hi}। इसे {a['name']['hi']} ने "
                                          f"{districts[a['district']]['hi']['name']} में हाथ से बनाया है।</p><p>{CARE_HI[vocab['family']]}</p>")
                    alt_title, alt_motif = rec["title"], motif_hi
                rec["artisan"] = a["key"]
                rec["craft"] = craft
                rec["materials"] = crafts[craft][locale]["materials"]
                rec["dimensions"] = dims  # no price of its own: it is what its listings say (schema_version 2)
                rec["images"] = [{"src": pool_image(craft, p), "alt": VIEW_ALT[locale][j].format(title=alt_title, motif=alt_motif)}
                                 for j, p in enumerate(picks)]
                if code:
                    rec["gi_label_code"] = code
                rec["listings"] = listings
                records.append(rec)
    return records


def build_collections(products: list[dict[str, Any]], artisans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    en_products = sorted((p for p in products if p["locale"] == "en"), key=lambda p: p["translation_key"])
    records = []
    for c in COLLECTIONS:
        items = None
        if "pick" in c:
            how, arg = c["pick"]
            if how == "crafts":
                items = [{"type": "product", "ref": next(p["translation_key"] for p in en_products if p["craft"] == craft)} for craft in arg]
            else:
                women = [a for a in artisans if a["locale"] == "en" and "women-led" in a.get("flags", [])]
                women.sort(key=lambda a: (not a.get("featured", False), a["translation_key"]))
                items = [{"type": "artisan", "ref": a["translation_key"]} for a in women[:arg]]
                items += [{"type": "product", "ref": next(p["translation_key"] for p in en_products if p["artisan"] == women[0]["translation_key"])}]
        for locale in LOCALES:
            if locale not in c:
                continue
            title, summary, body = c[locale]
            rec = base("collection", c["key"], locale, c.get("old_slugs"))
            rec["title"] = title
            rec["summary"] = summary
            if body:
                rec["body"] = body
            rec["hero"] = {"src": c["hero"], "alt": COLLECTION_ALT[locale].format(title=title)}
            if c.get("featured"):
                rec["featured"] = True
            if items:
                rec["items"] = items
            else:
                rec["rule"] = c["rule"]
            records.append(rec)
    return records


def with_updated(rec: dict[str, Any]) -> dict[str, Any]:
    """``rec`` with its ``updated`` day (the day its content last changed: the sitemap's lastmod) after
    its identity fields; deterministic, from the record's type, key and locale."""
    day = random_date(rng_for("updated", rec["type"], rec["translation_key"], rec["locale"]), "2026-08-01", "2026-11-30")
    out: dict[str, Any] = {}
    for k, v in rec.items():
        out[k] = v
        if k == ("old_slugs" if "old_slugs" in rec else "translation_key"):
            out["updated"] = day
    return out


def write(records: list[dict[str, Any]], folders: tuple[str, ...]) -> int:
    for folder in folders:
        (CONTENT / folder).mkdir(parents=True, exist_ok=True)
        for stale in (CONTENT / folder).glob("*.json"):
            stale.unlink()
    for rec in sorted(records, key=lambda x: (x["type"], x["translation_key"], x["locale"])):
        path = CONTENT / f"{rec['type']}s" / f"{rec['translation_key']}.{rec['locale']}.json"
        path.write_text(json.dumps(with_updated(rec), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(records)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    crafts, districts = read_records("crafts"), read_records("districts")
    for a in ARTISANS:
        missing = [k for k in a["crafts"] if k not in crafts] + ([a["district"]] if a["district"] not in districts else [])
        if missing:
            log.error("artisan %s refers to unknown %s", a["key"], missing)
            return 1
    artisans = build_artisans(crafts, districts)
    products = build_products(crafts, districts)
    collections = build_collections(products, artisans)
    n = write(artisans + products + collections, ("artisans", "products", "collections"))
    log.info("wrote %d records: %d artisans, %d products, %d collections (all locales)", n, len(artisans), len(products), len(collections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
