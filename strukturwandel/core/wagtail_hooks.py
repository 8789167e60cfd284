from wagtail import hooks

from . import cache


# Before (around) Wagtail's own on_serve_page hooks: the view-restriction check marks private
# pages no-cache, which keeps them out of the cache.
@hooks.register("on_serve_page", order=-100)
def serve_public_pages_from_cache(callback):
    return cache.serve_page(callback)
