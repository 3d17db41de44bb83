"""Full screens: the start screen and the session shell."""
