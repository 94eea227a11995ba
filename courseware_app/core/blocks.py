"""Old name of ``core.syntax.iter_blocks``, kept for core/search.py until it imports syntax."""

from courseware_app.core.syntax import iter_blocks as iter_blocks
