from . import coop_membership_bounds_mixin
from . import res_company
from . import res_config_settings
from . import account_chart_template
from . import coop_fee_scheme
from . import coop_fee_scheme_tier
from . import coop_fee_period
from . import coop_member_category
from . import coop_membership

# its extensions, one file per concern (as account splits its models)
from . import coop_membership_invoice
from . import coop_membership_admission
from . import coop_membership_share
from . import coop_membership_fee
from . import coop_membership_notice
from . import coop_membership_action
from . import coop_membership_figures
from . import coop_membership_directory
from . import coop_membership_demo
from . import coop_membership_category_history
from . import coop_share_line
from . import coop_fee_line
from . import coop_assembly
from . import coop_assembly_proxy
from . import res_partner
from . import account_move
