from . import coop_makerspace_project_decision
from . import coop_makerspace_project_close
