"""services/transfer layer."""
