from . import coop_trial_card_register_wizard
from . import coop_intercoop_member_wizard
from . import coop_volunteer_hours_statement
from . import coop_volunteer_hours_import
