"""The TRS lab window (Tools › TRS lab): imported when the lab opens, never at start-up."""
