from . import portal_openings
