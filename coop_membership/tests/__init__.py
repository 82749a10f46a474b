from . import test_rules
from . import test_membership
from . import test_fees
from . import test_assembly
from . import test_portal
from . import test_admission
