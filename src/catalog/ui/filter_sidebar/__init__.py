"""The filter sidebar: the search box and the facets of the current result."""
