from . import coop_makerspace_badge_device_key
from . import coop_makerspace_danger_report
from . import coop_makerspace_project_decision
from . import coop_makerspace_project_close
