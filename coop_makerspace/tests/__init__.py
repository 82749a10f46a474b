from . import test_click_everywhere
from . import test_access_rules
from . import test_workshop_day
from . import test_workshop_http
from . import test_project_rules
from . import test_projects
from . import test_project_portal
