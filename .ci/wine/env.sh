# Sourced by the Wine steps (.ci/wine-smoke, .ci/wine-unit-tests), from the
# repository's root: makes Wine ready to run a Rust program built for
# x86_64-pc-windows-gnu, and exports how to run it.
#
#   WINE_BIN    folder holding the stub DLL; put an .exe here, or on WINEPATH
#   WINEPATH    that folder, so programs elsewhere find the DLL too

bash .ci/cross-tools --run x86_64-pc-windows-gnu
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc

WINE_BIN="$PWD/target/wine/bin"
mkdir -p "$WINE_BIN"
# Wine 8 lacks bcryptprimitives.dll (see .ci/wine/bcryptprimitives.c).
x86_64-w64-mingw32-gcc -shared -O2 -Wall -o "$WINE_BIN/bcryptprimitives.dll" \
    .ci/wine/bcryptprimitives.c -ladvapi32
export WINEPATH="Z:${WINE_BIN//\//\\}"

# A prefix of our own, kept under target/ so that reruns skip its setup;
# no Mono or Gecko (mscoree, mshtml): a console program needs neither, and
# Wine would otherwise offer to download them.
export WINEPREFIX="$PWD/target/wine/prefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="bcryptprimitives=n;mscoree=;mshtml="
unset DISPLAY WAYLAND_DISPLAY
if [[ ! -f "$WINEPREFIX/system.reg" ]]; then
    echo "-- create the Wine prefix"
    wine wineboot --init >/dev/null 2>&1
    wineserver --wait
fi
