"""Optional integrations with other engines; each module imports its engine only when used.

``import cleaner`` never imports any of them: ``cleaner.integrations.ray`` is the only
module that imports Ray, and it says how to install Ray when it is missing.
"""
