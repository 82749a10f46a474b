from . import badge
from . import portal_equipment
