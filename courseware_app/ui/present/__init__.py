"""The presenter: the audience window the room sees and the trainer's console."""
