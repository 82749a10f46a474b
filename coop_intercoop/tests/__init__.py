from . import test_trial_rules
from . import test_volunteer_hours_csv
from . import test_trial_card
from . import test_agreement
from . import test_volunteer_hours
from . import test_pos_trial_card
from . import test_pos_tour
