from . import coop_makerspace_access_level
from . import coop_makerspace_qualification
from . import coop_makerspace_badge_device
from . import coop_makerspace_badge_log
from . import coop_membership_badge
from . import maintenance_equipment_access
from . import maintenance_equipment_defect
from . import maintenance_request_defect
