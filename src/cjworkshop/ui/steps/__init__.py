"""The steps of the guided flow, one module each, shown inside the session screen."""
