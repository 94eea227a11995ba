"""The presenter's model: steps to project, timing, and the classroom quiz's cards."""
