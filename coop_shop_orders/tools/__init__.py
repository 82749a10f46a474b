from . import mail_request
from . import stage
