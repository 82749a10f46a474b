from . import mail_request
from . import stage
from . import request_guard
