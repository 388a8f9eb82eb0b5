#!/bin/sh
# /usr/bin/plandesk: PlanDesk's command line and window. The program and its own Python and Qt
# live in /opt/plandesk; the user's library stays in ~/.local/share/PlanDesk.
#
# Qt in the bundle carries the ibus input-method client, not fcitx's: fcitx 5 also answers on the
# ibus protocol, so a session that asks Qt for fcitx gets ibus instead of no Chinese input at all.
case "${QT_IM_MODULE:-}" in
    fcitx|fcitx5) QT_IM_MODULE=ibus; export QT_IM_MODULE ;;
esac
exec /opt/plandesk/plandesk "$@"
