from . import badge
from . import portal_equipment
from . import portal_projects
from . import portal_openings
