"""The room that joins in from their phones: the participants' web server (``server``) and what
starts it on an event loop and keeps its inbox beside the session (``host``). Both need the
``room`` extra (aiohttp, segno); the app and the command line import them only when a room opens.
``addresses`` (which names are this computer's alone) needs nothing beyond the standard library.
"""
