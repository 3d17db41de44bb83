"""Tests in headless Chromium: HTML checked by the boxes the browser rendered."""
