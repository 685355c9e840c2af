"""The domain core: scenario, session model, ladder logic, store. Imports nothing from Textual."""
