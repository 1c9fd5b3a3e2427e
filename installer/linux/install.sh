#!/bin/sh
# Install this Consult Desk folder for the current user (no root needed).
#
#   ./install.sh              copy to ~/.local/opt/consult-desk, add the menu entry, the icon
#                             and ~/.local/bin/consult-desk
#   ./install.sh --uninstall  remove the program, menu entry and icon
#
# The data (~/.local/share/ConsultDesk: database and backups) is never touched: after an upgrade
# the program finds its database there, backs it up and migrates it on first start.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
dest="$HOME/.local/opt/consult-desk"
bin="$HOME/.local/bin"
apps="$data_home/applications"
icons="$data_home/icons/hicolor/256x256/apps"

refresh_menus() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$dest"
    rm -f "$bin/consult-desk" "$apps/consult-desk.desktop" "$icons/consult-desk.png"
    refresh_menus
    echo "Consult Desk removed. Your data is kept in $data_home/ConsultDesk"
    exit 0
fi

if [ ! -x "$here/consult-desk" ]; then
    echo "install.sh: run it from the unpacked consult-desk folder (consult-desk not found in $here)" >&2
    exit 1
fi

mkdir -p "$(dirname "$dest")" "$bin" "$apps" "$icons"
if [ "$here" != "$dest" ]; then
    rm -rf "$dest.new"
    cp -a "$here" "$dest.new"
    rm -rf "$dest"
    mv "$dest.new" "$dest"
fi
ln -sfn "$dest/consult-desk" "$bin/consult-desk"
cp "$dest/consult-desk.png" "$icons/consult-desk.png"
sed -e "s|^Exec=.*|Exec=\"$dest/consult-desk\"|" -e "s|^Icon=.*|Icon=consult-desk|" \
    "$dest/consult-desk.desktop" >"$apps/consult-desk.desktop"
chmod 644 "$apps/consult-desk.desktop"
refresh_menus
echo "Consult Desk installed in $dest (menu: Office > Consult Desk, command: $bin/consult-desk)"
