"""Chinar CMS: the Wagtail project where editors author the catalog that `chinar pull` exports."""
