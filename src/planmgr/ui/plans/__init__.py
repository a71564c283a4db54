"""预案体系: the plan page, the plan editor and the dialogs of a plan's life."""
