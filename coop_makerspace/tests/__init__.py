from . import test_click_everywhere
from . import test_opening_rules
from . import test_keys
from . import test_key_fee
from . import test_openings
from . import test_keys_portal
