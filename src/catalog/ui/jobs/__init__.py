"""Running service calls off the UI thread, with progress and cancel."""
