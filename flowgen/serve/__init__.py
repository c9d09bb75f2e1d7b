"""``flowgen serve``: the live editor, a small starlette app on uvicorn, for one folder of SOPs.

:mod:`~flowgen.serve.files` keeps every read and write inside the folder,
:mod:`~flowgen.serve.worker` draws in a separate process that is stopped
when a drawing takes too long, :mod:`~flowgen.serve.app` is the web app
(with its guards: token, Host, Origin, sizes) and :mod:`~flowgen.serve.run`
starts it.  The front end is in ``web/``, built from ``editor/`` in the
repository.
"""
