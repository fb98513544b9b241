"""The build's settings (``chinar.settings``): Pelican's settings-file convention, read by the build itself."""

from __future__ import annotations

from pathlib import Path

from catalogs import TINY


def test_the_settings_files_name_the_repository_folders(monkeypatch) -> None:
    """Both settings files, read as the build reads them: folders relative to site/, the publishing
    URL from the environment, options overriding the files."""
    from chinar.settings import SITE_DIR, read_settings

    repo = SITE_DIR.parent
    monkeypatch.setenv("CHINAR_SITE_URL", "https://crafts.example.in/")
    for publish in (False, True):
        settings = read_settings(publish=publish)
        assert settings.content_dir == repo / "content" and settings.cache_dir == repo / ".cache"
        assert settings.theme_dir == repo / "themes" / "chinar" and settings.output_dir == repo / "output"
        assert settings.base_url == ("https://crafts.example.in" if publish else "http://localhost:8000")
    given = read_settings(TINY, Path("/tmp/out"), "https://x.example/", publish=True)
    assert (given.content_dir, given.output_dir, given.base_url) == (TINY, Path("/tmp/out"), "https://x.example")
