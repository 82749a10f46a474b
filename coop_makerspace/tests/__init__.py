from . import test_click_everywhere
from . import test_access_rules
from . import test_workshop_day
from . import test_workshop_http
