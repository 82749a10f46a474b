from . import coop_share_subscribe_wizard
from . import coop_fee_prepay_wizard
from . import coop_notice_wizard
from . import coop_category_change_wizard
from . import coop_fee_run_wizard
from . import coop_assembly_admit_wizard
