"""How much of a client's input any interface reads: one place for the pages and the APIs."""

MAX_INPUT = 5000  # characters of a question or an enquiry read at all (answering reads the first 500)
MAX_SEARCH = 100  # characters of a table search
MAX_NAME = 50  # characters of a list, field, issuer or kind named as a filter
MAX_UPLOAD = "20mb"  # the importer's own limit, enforced before a file is stored
