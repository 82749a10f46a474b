from . import access
from . import projects
