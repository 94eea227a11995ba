"""The editor's workbench: live preview, problems, and the checks an editor runs before shipping."""
