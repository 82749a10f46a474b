from . import cells
