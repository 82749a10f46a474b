from . import trial_rules
from . import volunteer_hours_csv
