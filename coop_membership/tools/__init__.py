from . import admission
from . import fees
from . import notice
from . import periods
from . import prepaid
from . import review
from . import shares
from . import votes
