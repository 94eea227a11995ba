"""The risk-matrix exercise on screen: the board (grid, cards, drag and drop, keys), the
trainee's window opened from a reader's ``exercise:MODULE/ID`` link, and the words they share
with the presenter's projected board."""
