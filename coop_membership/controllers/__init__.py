from . import portal
from . import portal_board
from . import assembly_portal
