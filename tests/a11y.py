"""axe-core in a Playwright page (importable by test modules; conftest.py is not)."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def serious_violations(page) -> list[tuple[str, str, list]]:
    """axe's serious and critical violations of WCAG 2.2 AA (target size included) and its best practices
    on the page as it is now: (rule, impact, the first three elements)."""
    page.evaluate(AXE_JS)
    result = page.evaluate("""axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})""")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
