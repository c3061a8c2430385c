"""What every window shares: themes and window colours, the interface language (i18n) and the
plain names of the trade's vocabulary. It imports core and Qt only, never another ui package.
"""
