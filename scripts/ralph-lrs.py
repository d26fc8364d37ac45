"""Runs Ralph, the Learning Record Store of the tests and the benchmark, on 127.0.0.1:PORT (0: a
free port, printed as "Uvicorn running on http://127.0.0.1:N"), with its file back end.

Why not `ralph runserver`: its file back end writes the statements file with a "create"
operation, so every POST after the first fails ("Statements bulk indexation failed"), and it
listens on 0.0.0.0 unless told otherwise. Here the back end appends, in the one process that
serves, and only 127.0.0.1 is bound. Environment: RALPH_APP_DIR (with auth.json, written by
`ralph auth`), RALPH_RUNSERVER_BACKEND=fs, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH.

Usage: python ralph-lrs.py [PORT]
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

if __name__ == "__main__":
    FSDataBackend.default_operation_type = BaseOperationType.APPEND
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]) if len(sys.argv) > 1 else 0)
