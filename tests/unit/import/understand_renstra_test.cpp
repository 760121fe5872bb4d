// Filled in by the issue 6 work of this session.
