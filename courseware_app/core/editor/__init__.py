"""The editor's workbench, Qt-free: what changed on disk, reloading it, and what a page shows."""
