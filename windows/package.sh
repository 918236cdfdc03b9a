#!/usr/bin/env bash
# make windows-installer: from the .exe files `make windows` built, the
# NSIS installer bin/windows/SoDoan-Setup-<version>.exe and the portable
# bin/windows/SoDoan-<version>-portable.zip. Both hold the two programs,
# Doc-truoc.txt and the bundled fonts' licences (giay-phep\).
set -euo pipefail
export LANG=${LANG:-vi_VN.UTF-8}
cd "$(dirname "$0")/.."
BIN=${BIN:-bin}
GO=${GO:-go}
out=$BIN/windows
eval "$($GO run ./windows/winres -env)" # VERSION, FILEVERSION, COMPANY from FyneApp.toml
for f in sodoan.exe sodoan-cli.exe sodoan.ico; do
	[ -f "$out/$f" ] || { echo "thiếu $out/$f: chạy make windows trước" >&2; exit 1; }
done

# Windows text files: CRLF, and a UTF-8 mark so that any Notepad reads the
# Vietnamese right.
crlf() { printf '\xef\xbb\xbf'; sed 's/$/\r/' "$1"; }

name=SoDoan-$VERSION
stage=$out/$name
rm -rf "$stage"
mkdir -p "$stage/giay-phep"
cp "$out/sodoan.exe" "$out/sodoan-cli.exe" "$stage/"
crlf windows/Doc-truoc.txt >"$stage/Doc-truoc.txt"
fonts=$($GO list -m -f '{{.Dir}}' fyne.io/fyne/v2)/theme/font
crlf assets/fonts/LICENSE >"$stage/giay-phep/LiberationSerif-OFL.txt"
crlf "$fonts/LICENSE.txt" >"$stage/giay-phep/NotoSans-EmojiOne-OFL.txt"
crlf "$fonts/LICENSE_Inter.txt" >"$stage/giay-phep/Inter-OFL.txt"
crlf "$fonts/LICENSE_DejaVu-Powerline.txt" >"$stage/giay-phep/DejaVuSansMono.txt"

# The installer's side picture (164×314, BMP3 as NSIS wants): the program's
# icon and name on the Union's blue, instead of NSIS's stock picture.
welcome=$out/welcome.bmp
convert -size 164x314 xc:'#0b4ea2' \( assets/icon.png -resize 112x112 \) -gravity north -geometry +0+64 -composite \
	-font assets/fonts/LiberationSerif-Bold.ttf -fill white -pointsize 26 -gravity north -annotate +0+196 'Sổ Đoàn' \
	-type TrueColor BMP3:"$welcome"

setup=$out/SoDoan-Setup-$VERSION.exe
# makensis needs a UTF-8 locale that exists to read its Vietnamese
# arguments (vi_VN may not be generated): C.UTF-8 always is.
LC_ALL=C.UTF-8 makensis -V2 -INPUTCHARSET UTF8 \
	-DVERSION="$VERSION" -DFILEVERSION="$FILEVERSION" -DCOMPANY="$COMPANY" \
	-DSTAGE="$(realpath "$stage")" -DICON="$(realpath "$out/sodoan.ico")" -DWELCOME="$(realpath "$welcome")" \
	-DOUTFILE="$(realpath -m "$setup")" windows/installer.nsi

# The portable copy keeps its register beside the program (store.DataDir):
# the folder du-lieu is what makes it portable. Only the zip has it; the
# installer names its files one by one.
mkdir -p "$stage/du-lieu"
printf '%s\n' "Thư mục này giữ sổ dữ liệu, bản sao lưu và nhật ký của bản Sổ Đoàn chạy từ USB." \
	"Chép cả thư mục SoDoan-$VERSION (chương trình cùng thư mục du-lieu) khi chuyển máy." \
	"Xóa thư mục du-lieu thì chương trình dùng %AppData%\SoDoan như bản cài đặt." |
	sed 's/$/\r/' | { printf '\xef\xbb\xbf'; cat; } >"$stage/du-lieu/Doc-truoc.txt"
zipfile=$(realpath -m "$out/$name-portable.zip")
rm -f "$zipfile"
(cd "$out" && zip -q -r -X "$zipfile" "$name")
ls -l "$setup" "$zipfile"
