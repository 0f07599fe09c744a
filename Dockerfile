# syntax=docker/dockerfile:1
# One image for web (gunicorn), worker and beat; see docker-compose.yml.

# --- front-end packages (NL Design System CSS, htmx) from package-lock.json ------------------------
FROM node:20-bookworm-slim AS node
WORKDIR /app
COPY package.json package-lock.json ./
# axe-core is a devDependency, used only by the browser tests.
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error

# --- the application ------------------------------------------------------------------------------
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=inburgering.settings.production \
    VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles

# WeasyPrint (PDF/A beschikkingen) needs Pango/HarfBuzz and fonts from Debian.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, in their own layer: with only pyproject.toml present `pip install .` installs
# every dependency and an empty `inburgering` distribution. The code itself is imported from /app
# (PYTHONPATH), so BASE_DIR is /app and templates/, static/ and node_modules/ are found next to it.
COPY pyproject.toml ./
RUN pip install .

COPY . ./
COPY --from=node /app/node_modules ./node_modules

# Static files are collected (hashed + compressed for WhiteNoise) at build time. The values below
# exist only to satisfy the production settings during this step; they are not kept in the image.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        CELERY_BROKER_URL=memory:// \
        python manage.py collectstatic --no-input --verbosity 0 \
    && rm -f /tmp/build.sqlite3

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin inburgering \
    && mkdir -p /app/var/media /app/var/celery \
    && chown -R inburgering:inburgering /app/var
USER inburgering

EXPOSE 8000
CMD ["gunicorn", "inburgering.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
