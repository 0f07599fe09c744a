from django import template
from django.urls import reverse

from inburgering.handleiding import secties

register = template.Library()


@register.inclusion_tag("handleiding/_kop_links.html", takes_context=True)
def handleiding_kop(context) -> dict:
    """The header's "Handleiding" link (to the user's own role page) and, on a page a section explains,
    "Hulp bij deze pagina" (to that section, of the user's own role where it has one)."""
    request = context.get("request")
    rol = getattr(getattr(request, "user", None), "rol", None)
    eigen = rol if rol in {r.rol for r in secties.ROLHANDLEIDINGEN} else None
    handleiding_url = reverse("handleiding:rol", args=[eigen.value]) if eigen else reverse("handleiding:index")
    match = getattr(request, "resolver_match", None)
    sectie = secties.hulp_bij(match.view_name, eigen) if match else None
    return {
        "handleiding_url": handleiding_url,
        "hulp_url": f"{reverse('handleiding:rol', args=[sectie.rol.value])}#{sectie.anker}" if sectie else None,
        "op_handleiding": bool(match and match.namespace == "handleiding"),
    }
