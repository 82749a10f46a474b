from . import test_cells
from . import test_reader
