from . import shift_duty
from . import trial_rules
from . import volunteer_hours_csv
from . import shared_development
