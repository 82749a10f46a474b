from . import portal
from . import assembly_portal
