"""collectstatic configuration (referenced from INSTALLED_APPS instead of django.contrib.staticfiles).

The npm packages are served straight from node_modules (see STATICFILES_DIRS). One file in
@utrecht/design-tokens, background-image-icon.css, points at SVGs the package does not ship; the
manifest storage of production refuses such a CSS file, so it is left out (we do not use it), together
with the packages' source and data formats (Sass, Less, TypeScript declarations, JSON and CommonJS/ES
module token tables: 15 MB) that a page never requests. Hashing and compressing those took most of
collectstatic's time.
"""

from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig


class StaticFilesConfig(DjangoStaticFilesConfig):
    ignore_patterns = [
        *DjangoStaticFilesConfig.ignore_patterns,
        "background-image-icon.css",
        "*.scss",
        "*.less",
        "*.d.ts",
        "*.json",
        "*.cjs",
        "*.mjs",
    ]
