# healthaction — the commands a developer and CI use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup fonts chromium office translations messages run test check lint typecheck bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

ASSETS := web/node_modules/.installed

# Front-end libraries (htmx, ECharts) from npm, served locally by whitenoise: no CDN at run time.
$(ASSETS): web/package.json
	cd web && npm install --no-audit --no-fund --loglevel=error
	touch $(ASSETS)

# CJK fonts for the reports: Debian's fonts-noto-cjk (charts; Noto Serif and Sans CJK SC), fonts-arphic-ukai
# (楷) and fonts-arphic-uming (明), so the PDF's 小标宋 title, 仿宋 body, 黑体 and 楷体 headings are distinct faces
# (src/healthaction/reports/fonts.conf maps them); poppler-utils (pdffonts, pdftoppm) for the render checks
# and the page images. Installed when missing and root, else the apt-get line is printed.
REPORT_FONT_PACKAGES = fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming poppler-utils
fonts:
	@missing=""; for p in $(REPORT_FONT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	test -z "$$missing" || command -v dpkg-query >/dev/null || missing=""; \
	test -z "$$missing" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq $$missing || (apt-get update -qq && apt-get install -y -qq $$missing)) >/dev/null; \
	  else echo "提示：报告需要中文字体和 poppler-utils：sudo apt-get install$$missing" >&2; fi; }

# The browser for the end-to-end test (web/e2e): Debian's chromium, driven by Playwright; no browser download.
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq --no-install-recommends chromium || (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium)) >/dev/null; \
	  else echo "提示：未找到 chromium，浏览器测试将跳过：sudo apt-get install chromium" >&2; fi; }

# LibreOffice for the reports' PDF (web download and `healthaction report … -o X.pdf`): Debian's
# libreoffice-writer-nogui, installed when missing and root; without it the PDF buttons say how to install it.
office:
	@{ command -v soffice || command -v libreoffice; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui || (apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui)) >/dev/null; \
	  else echo "提示：未找到 LibreOffice，报告无法生成 PDF：sudo apt-get install --no-install-recommends libreoffice-writer-nogui" >&2; fi; }

# The English interface (web/locale/en): recompiled when gettext's msgfmt exists; without it the committed
# django.mo serves as it is.
translations: $(STAMP)
	@if command -v msgfmt >/dev/null; then cd web && ../$(BIN)/python manage.py compilemessages -l en -v 0; fi

# After wrapping new interface strings: collect them into django.po (then translate the new msgstr) and compile.
messages: $(STAMP)
	cd web && ../$(BIN)/python manage.py makemessages -l en --ignore node_modules --ignore '*/tests/*' --no-obsolete
	cd web && ../$(BIN)/python manage.py compilemessages -l en

setup: $(STAMP) $(ASSETS) fonts office translations

run: setup
	$(BIN)/healthaction demo
	$(BIN)/healthaction serve

# The web tests run on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set (CI).
test: setup chromium
	$(BIN)/python -m pytest
	if [ -n "$$TEST_DATABASE_URL" ]; then DATABASE_URL="$$TEST_DATABASE_URL" $(BIN)/python -m pytest web; fi

lint: setup
	$(BIN)/ruff check src tests bench web
	$(BIN)/ruff format --check src tests bench web

typecheck: setup
	$(BIN)/mypy

check: lint typecheck test

bench: setup
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/engine.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
