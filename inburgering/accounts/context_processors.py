def rollen(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "is_werkcoach": user.is_werkcoach,
        "is_consulent": user.is_consulent,
        "is_manager": user.is_manager,
        "is_privacy": user.is_privacy,
        "is_postkamer": user.is_postkamer,
        "is_koppelbeheer": user.is_koppelbeheer,
    }
