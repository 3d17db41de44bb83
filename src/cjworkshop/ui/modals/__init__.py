"""Modal dialogs: forms that return a typed result, confirmations, pickers."""
