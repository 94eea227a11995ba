from courseware_app.core.history import History, Location


def test_back_forward_and_branching():
    h = History()
    a, b, c, d = (Location(x) for x in "abcd")
    for loc in (a, b, c):
        h.visit(loc)
    assert h.back() == b and h.back() == a and h.back() is None
    assert h.forward() == b
    h.visit(d)
    assert not h.can_forward()
    assert h.entries == [a, b, d]


def test_visiting_the_same_place_twice_adds_one_entry():
    h = History()
    h.visit(Location("a", "x"))
    h.visit(Location("a", "x"))
    assert len(h.entries) == 1


def test_replace_updates_current_in_place():
    h = History()
    h.visit(Location("a"))
    h.replace(Location("a", "s2"))
    assert h.entries == [Location("a", "s2")]
