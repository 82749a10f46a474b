from . import models
from . import tools
