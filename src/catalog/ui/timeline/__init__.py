"""The timeline: a histogram of the current result by year or month; dragging chooses dates."""
