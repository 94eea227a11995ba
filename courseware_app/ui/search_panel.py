"""Moved to ``courseware_app.ui.search``; this name stays until app.py imports from there."""

from courseware_app.ui.search import install_search as install_search
