from . import openings
