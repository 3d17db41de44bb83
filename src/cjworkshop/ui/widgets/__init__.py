"""Small widgets shared by screens and steps."""
