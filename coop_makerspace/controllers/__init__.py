from . import portal_projects
