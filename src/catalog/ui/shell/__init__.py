"""The main window: menus, actions, status bar and the wiring between the panes."""
