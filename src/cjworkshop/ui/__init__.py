"""The Textual app. It talks to the model and the store; they never talk back."""
