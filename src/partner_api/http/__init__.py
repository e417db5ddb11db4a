"""The HTTP side: connections.py frames requests off the sockets, server.py answers them,
app.py runs the pipeline, routes.py lists every endpoint, handlers/ holds one module per
resource, site.py serves the console's files and the invitation page."""
