"""The actions that combine the core's parts, called alike by the app and the command line.

Each function here is what one user action does, without Qt: the app's screens only wrap
these calls (Anki's aqt/operations over pylib is the model), so the app and ``beslut``
on the command line give the same answer.
"""
