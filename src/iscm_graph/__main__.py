"""Allow ``python -m iscm_graph`` as a synonym of the ``iscm-graph`` command."""

from .cli import main

if __name__ == "__main__":
    main()
