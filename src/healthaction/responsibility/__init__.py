"""责任清单 tracking: measurable sub-targets of measures, deadlines, half-yearly supervision, export.

Pure core: the web system calls these functions with its rows; nothing here imports Django.
"""
