"""Answer time: understand a question, answer it by rules over facts or by hybrid retrieval, cite."""
