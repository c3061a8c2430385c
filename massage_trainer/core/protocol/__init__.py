"""The protocol format: located YAML reading (yamlsafe), the schema language (schema), the
Protocol/Step dataclasses (model), the trade's vocabulary (vocab), bilingual text (localtext), the
strict loader, the catalog of bundled and user files, authoring helpers and the glossary. It may
import core.body (zone names) and core.safety's rules (the preparation items a protocol may
list); never core.session, core.history or anything of Qt.
"""
