from . import res_company_keys
from . import res_config_settings_keys
from . import coop_makerspace_key
from . import coop_makerspace_key_issue
from . import coop_makerspace_key_issue_fee
from . import coop_makerspace_opening
from . import coop_makerspace_opening_attendance
