from . import projects
