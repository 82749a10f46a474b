from . import access
from . import projects
from . import openings
