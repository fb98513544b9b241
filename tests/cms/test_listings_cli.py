"""`chinar listings import` runs the CMS's own command: a real CMS database (a SQLite file), changed by it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chinar import cli

REPO = Path(__file__).resolve().parents[2]
CMS = REPO / "cms"
FLIPKART_URL = "https://www.flipkart.com/sozni-pashmina-stole/p/itm0001?pid=STLG0001"


@pytest.mark.slow
def test_chinar_listings_import_delegates_to_the_cms(tmp_path: Path, monkeypatch, capfd) -> None:
    database = tmp_path / "cms.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "chinar_cms.settings.test")
    for argv in (["migrate", "-v", "0"], ["load_demo", "--content", str(REPO / "tests/fixtures/tiny"), "--no-users"]):
        subprocess.run([sys.executable, str(CMS / "manage.py"), *argv], cwd=CMS, env=os.environ.copy(), check=True)
    feed = tmp_path / "flipkart.csv"
    feed.write_text("listing_id,price,stock\nSTLG0001,\"₹19,000.00\",4\nNOPE00000000,100,1\n", encoding="utf-8")

    def price() -> int:
        with sqlite3.connect(database) as db:
            return db.execute("select price_inr from products_marketplacelisting where url = ?",
                              (FLIPKART_URL,)).fetchone()[0]

    assert cli.main(["listings", "import", str(feed), "--marketplace", "Flipkart", "--dry-run"]) == 0
    assert price() == 18500
    assert cli.main(["listings", "import", str(feed), "--marketplace", "Flipkart"]) == 0
    out = capfd.readouterr().out
    assert "line 2: matched" in out and "line 3: unmatched" in out and "1 product page(s) published" in out
    assert price() == 19000
