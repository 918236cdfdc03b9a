# Sourced by wine-check.sh after wine-lib.sh (issue 21): the program's own
# ways to the Windows shell, a Windows error made on purpose, and the
# paths the command line prints. Each check is a function of its own,
# with its own register and folder under $work/shell, so that it depends
# on no other step and others can follow it:
#   shell_setup        builds the stand-ins (windows/wine/fake), a register
#                      and a PDF in Documents\Sổ Đoàn\2026\Báo cáo quý
#   shell_open_show    sodoan-cli open/show (package desktop, as the
#                      window's Mở tệp, Mở thư mục, Hiện trong thư mục):
#                      Explorer and the PDF viewer get the plain path
#   shell_locked_pdf   the PDF held open with no sharing: the Vietnamese
#                      message, the old PDF untouched; let go: written
#   shell_cli_paths    every path the command line prints has one
#                      backslash; the help says %AppData%
shellw=$work/shell
# The Windows folder of the checks: Vietnamese, with spaces, under the
# user's Documents, as the program's own default folder is.
shell_folder_w='C:\users\'"$(id -un)"'\Documents\Sổ Đoàn\2026\Báo cáo quý'
shell_folder=$winuser/Documents/Sổ\ Đoàn/2026/Báo\ cáo\ quý
shell_pdf_w="$shell_folder_w\\Danh sách đoàn viên.pdf"
shell_pdf="$shell_folder/Danh sách đoàn viên.pdf"

# shell_cli NAME ARGS…: sodoan-cli.exe ARGS under Wine in $shellw; stdout
# and stderr (carriage returns dropped) to NAME.out and NAME.err; prints
# the exit status.
shell_cli() {
	local name=$1 rc=0
	shift
	(cd "$shellw" && wine "$out/sodoan-cli.exe" "$@" >"$name.raw" 2>"$name.rawerr") || rc=$?
	tr -d '\r' <"$shellw/$name.raw" >"$shellw/$name.out"
	tr -d '\r' <"$shellw/$name.rawerr" >"$shellw/$name.err"
	echo "$rc"
}

# record_of LOG ARG…: the command line, as Windows passed it, of the run
# the stand-in wrote to LOG with exactly the arguments ARG…; nothing if
# none. (The path goes through the environment: awk -v would read its
# backslashes as escapes.)
record_of() {
	local log=$1
	shift
	[ -f "$log" ] || return 0
	want=$(printf '%s\n' "$@") awk 'BEGIN { RS = "--\n" }
		{ n = index($0, "\n"); raw = substr($0, 1, n - 1); args = substr($0, n + 1); sub(/\n$/, "", args)
		  if (args == ENVIRON["want"]) { print raw; exit } }' "$log"
}

# wait_record SECONDS LOG… -- ARG…: waits for such a run in any LOG and
# prints its command line.
wait_record() {
	local secs=$1 logs=() raw l
	shift
	while [ "$1" != -- ]; do logs+=("$1"); shift; done
	shift
	for _ in $(seq $((secs * 10))); do
		for l in "${logs[@]}"; do
			raw=$(record_of "$l" "$@")
			[ -n "$raw" ] && { echo "$raw"; return 0; }
		done
		sleep 0.1
	done
	return 1
}

# runs LOG…: how many runs the stand-ins recorded.
runs() { cat "$@" 2>/dev/null | grep -c '^--$' || true; }

shell_setup() {
	step "6. Chuẩn bị: chương trình giả (Explorer, trình đọc PDF), sổ, thư mục tiếng Việt"
	mkdir -p "$shellw" "$shell_folder"
	# Built with the Go of the build (its cache is the user's, saved
	# before wine-lib.sh moved HOME).
	(cd "$root" && CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $GO build -o "$shellw/fake.exe" ./windows/wine/fake) || fail "dựng windows/wine/fake"
	local rc
	rc=$(shell_cli demo --db so.db demo --members 60 --seed 21)
	[ "$rc" = 0 ] || fail "demo: mã $rc: $(cat "$shellw/demo.err")"
	rc=$(shell_cli pdf --db so.db report members --out "$shell_pdf_w")
	[ "$rc" = 0 ] || fail "report members: mã $rc: $(cat "$shellw/pdf.err")"
	[ -f "$shell_pdf" ] || fail "không có $shell_pdf"
	ok "sổ mẫu và $shell_pdf_w ($(stat -c %s "$shell_pdf") byte)"
}

shell_open_show() {
	step "7. Mở thư mục, mở PDF, hiện trong thư mục: Explorer và trình đọc nhận đúng đường dẫn thường"
	local win=$WINEPREFIX/drive_c/windows viewer_dir=$WINEPREFIX/drive_c/sodoan-thu
	# The PDF viewer: a stand-in registered for .pdf's open verb. Wine 8
	# reads file types from HKLM\Software\Classes only (it does not merge
	# HKCU's, where a reader installed per user would write them).
	mkdir -p "$viewer_dir"
	cp "$shellw/fake.exe" "$viewer_dir/viewer.exe"
	local old_pdf
	old_pdf=$({ wine reg query 'HKLM\Software\Classes\.pdf' /ve 2>/dev/null || true; } | tr -d '\r' | awk -F'REG_SZ' 'NF > 1 {sub(/^[ \t]+/, "", $2); print $2}')
	wine reg add 'HKLM\Software\Classes\.pdf' /ve /d SoDoanThu.pdf /f >/dev/null || fail "reg add .pdf"
	wine reg add 'HKLM\Software\Classes\SoDoanThu.pdf\shell\open\command' /ve /d '"C:\sodoan-thu\viewer.exe" "%1"' /f >/dev/null || fail "reg add SoDoanThu.pdf"
	# Explorer: the stand-in in place of both copies (the shell starts
	# system32's, the program %SystemRoot%'s), loaded instead of Wine's
	# own only for these runs (explorer.exe=n), and put back after.
	wineserver -w
	cp "$win/explorer.exe" "$shellw/explorer.exe.wine"
	cp "$win/system32/explorer.exe" "$shellw/explorer32.exe.wine"
	cp "$shellw/fake.exe" "$win/explorer.exe"
	cp "$shellw/fake.exe" "$win/system32/explorer.exe"
	local logs=("$win/explorer.log" "$win/system32/explorer.log" "$viewer_dir/viewer.log")
	local saved=$WINEDLLOVERRIDES rc raw
	export WINEDLLOVERRIDES="$saved;explorer.exe=n"

	rc=$(shell_cli open-dir open "$shell_folder_w")
	[ "$rc" = 0 ] || fail "open thư mục: mã $rc: $(cat "$shellw/open-dir.err")"
	[ "$(cat "$shellw/open-dir.out")" = "Đã mở: $shell_folder_w" ] || fail "open thư mục in: $(cat "$shellw/open-dir.out")"
	raw=$(wait_record 20 "${logs[@]}" -- "$shell_folder_w") || fail "Explorer không được gọi với $shell_folder_w; đã ghi: $(cat "${logs[@]}" 2>/dev/null)"
	ok "open thư mục: Explorer nhận $raw"

	rc=$(shell_cli open-pdf open "$shell_pdf_w")
	[ "$rc" = 0 ] || fail "open PDF: mã $rc: $(cat "$shellw/open-pdf.err")"
	[ "$(cat "$shellw/open-pdf.out")" = "Đã mở: $shell_pdf_w" ] || fail "open PDF in: $(cat "$shellw/open-pdf.out")"
	raw=$(wait_record 20 "$viewer_dir/viewer.log" -- "$shell_pdf_w") || fail "trình đọc PDF không được gọi với $shell_pdf_w; đã ghi: $(cat "${logs[@]}" 2>/dev/null)"
	[ "$raw" = "\"C:\\sodoan-thu\\viewer.exe\" \"$shell_pdf_w\"" ] || fail "trình đọc PDF nhận dòng lệnh $raw"
	ok "open PDF: trình đọc nhận $raw"

	rc=$(shell_cli show-pdf show "$shell_pdf_w")
	[ "$rc" = 0 ] || fail "show: mã $rc: $(cat "$shellw/show-pdf.err")"
	[ "$(cat "$shellw/show-pdf.out")" = "Đã hiện trong thư mục: $shell_pdf_w" ] || fail "show in: $(cat "$shellw/show-pdf.out")"
	raw=$(wait_record 20 "$win/explorer.log" -- "/select,$shell_pdf_w") || fail "Explorer không được gọi với /select,$shell_pdf_w; đã ghi: $(cat "${logs[@]}" 2>/dev/null)"
	[ "$raw" = "explorer.exe /select,\"$shell_pdf_w\"" ] || fail "Explorer nhận dòng lệnh $raw"
	ok "show: Explorer nhận $raw"
	for l in "${logs[@]}"; do
		if [ -f "$l" ] && grep -qE '%[0-9A-Fa-f]{2}|file:|\\\\' "$l"; then fail "$l có %-mã hóa, file:// hoặc \\\\: $(cat "$l")"; fi
	done
	ok "không có %-mã hóa, file:// hay \\\\ trong dòng lệnh nào"

	# A path that is not there: the Vietnamese message, exit 1, nothing
	# started.
	local before gone_w="$shell_folder_w\\Báo cáo đã xóa.pdf"
	before=$(runs "${logs[@]}")
	rc=$(shell_cli open-gone open "$gone_w")
	[ "$rc" = 1 ] || fail "open tệp không có: mã $rc, cần 1"
	[ "$(cat "$shellw/open-gone.err")" = "Lỗi: không thấy $gone_w: tệp hoặc thư mục đã bị xóa hay chuyển đi" ] ||
		fail "open tệp không có in: $(cat "$shellw/open-gone.err")"
	rc=$(shell_cli show-gone show "$gone_w")
	[ "$rc" = 1 ] || fail "show tệp không có: mã $rc, cần 1"
	sleep 1
	[ "$(runs "${logs[@]}")" = "$before" ] || fail "tệp không có mà vẫn gọi chương trình: $(cat "${logs[@]}")"
	ok "tệp không có: mã 1, $(cat "$shellw/open-gone.err"); không gọi chương trình nào"

	export WINEDLLOVERRIDES=$saved
	wineserver -w
	cp "$shellw/explorer.exe.wine" "$win/explorer.exe"
	cp "$shellw/explorer32.exe.wine" "$win/system32/explorer.exe"
	[ -z "$old_pdf" ] || wine reg add 'HKLM\Software\Classes\.pdf' /ve /d "$old_pdf" /f >/dev/null
	ok "Explorer của Wine và .pdf ($old_pdf) trả lại như cũ"
}

shell_locked_pdf() {
	step "8. PDF đang mở trong chương trình khác (khóa chia sẻ): lời tiếng Việt, tệp cũ còn nguyên"
	local ready=$shellw/giu.ready release=$shellw/giu.release rc hold_pid
	(wine "$shellw/fake.exe" --hold "$shell_pdf_w" "$(winepath -w "$ready")" "$(winepath -w "$release")" >"$shellw/hold.out" 2>&1) &
	hold_pid=$!
	for _ in $(seq 300); do [ -f "$ready" ] && break; sleep 0.1; done
	[ -f "$ready" ] || fail "chương trình giữ tệp không mở được PDF: $(cat "$shellw/hold.out")"
	local before
	before=$(sha256sum <"$shell_pdf")
	rc=$(shell_cli locked --db so.db report members --force --out "$shell_pdf_w")
	[ "$rc" = 1 ] || fail "ghi đè PDF đang bị giữ: mã $rc, cần 1 (stdout: $(cat "$shellw/locked.out"))"
	local want="Lỗi: không ghi được $shell_pdf_w: tệp đang mở trong một chương trình khác (trình đọc PDF, Excel…) hoặc chỉ cho đọc; hãy đóng tệp đó rồi làm lại, hoặc lưu với tên khác"
	[ "$(cat "$shellw/locked.err")" = "$want" ] || fail "PDF đang bị giữ: $(cat "$shellw/locked.err")"
	[ "$(sha256sum <"$shell_pdf")" = "$before" ] || fail "PDF đang bị giữ đã bị sửa"
	if ls -A "$shell_folder" | grep -q '^\.sodoan-'; then fail "còn tệp tạm: $(ls -A "$shell_folder")"; fi
	ok "mã 1, $(cat "$shellw/locked.err")"
	ok "PDF cũ còn nguyên, không còn tệp tạm"
	touch "$release"
	wait "$hold_pid" || fail "chương trình giữ tệp: $(cat "$shellw/hold.out")"
	rc=$(shell_cli unlocked --db so.db report members --force --out "$shell_pdf_w")
	[ "$rc" = 0 ] || fail "ghi lại sau khi đóng: mã $rc: $(cat "$shellw/unlocked.err")"
	[[ $(cat "$shellw/unlocked.out") == *": $shell_pdf_w" ]] || fail "ghi lại in: $(cat "$shellw/unlocked.out")"
	[ "$(sha256sum <"$shell_pdf")" != "$before" ] || fail "ghi lại mà PDF không đổi"
	local pages
	pages=$(pdfinfo "$shell_pdf" | awk '/^Pages:/ {print $2}')
	[ "${pages:-0}" -ge 1 ] || fail "PDF ghi lại không có trang"
	ok "đóng tệp rồi làm lại: $(cat "$shellw/unlocked.out") ($pages trang)"
	# outfile's Windows tests (the error codes, a file held with share
	# mode 0), run on Windows's own errors.
	(cd "$root" && CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $GO test -c -o "$shellw/outfile.test.exe" ./outfile) || fail "dựng phép thử outfile"
	rc=0
	(cd "$shellw" && wine outfile.test.exe -test.v -test.run '^(TestWindowsErrorsInWords|TestWriteOverFileHeldOpen|TestSystemErrorsInWords)$' >outfile.test.out 2>&1) || rc=$?
	tr -d '\r' <"$shellw/outfile.test.out" >"$shellw/outfile.test.txt"
	[ "$rc" = 0 ] && [ "$(grep -c '^--- PASS' "$shellw/outfile.test.txt")" = 3 ] || { cat "$shellw/outfile.test.txt"; fail "phép thử outfile trên Windows: mã $rc"; }
	ok "outfile trên Windows: $(grep '^--- PASS' "$shellw/outfile.test.txt" | awk '{print $3}' | tr '\n' ' ')"
}

shell_cli_paths() {
	step "9. Đường dẫn dòng lệnh in ra: một dấu \\, %AppData% trong trợ giúp"
	local rc db_w
	db_w='C:\users\'"$(id -un)"'\Documents\Sổ Đoàn\sổ thử.db'
	local bk_w='C:\users\'"$(id -un)"'\Documents\Sổ Đoàn\sao lưu USB\sổ thử.db'
	# name, expected exit status, what stdout+stderr must hold, arguments.
	local checks=(
		"help|0|không ghi thì là %AppData%\\SoDoan\\so-doan.db|--help"
		"init|0|Đã tạo sổ trống: $db_w|--db|$db_w|init"
		"backup|0|Đã sao lưu vào $bk_w|--db|$db_w|backup|--out|$bk_w"
		"backup2|0|Đã sao lưu vào ${db_w%\\*}\\sao-luu\\|--db|$db_w|backup"
		"package|0|: $shell_folder_w\\phường thử.sodoan|--db|so.db|package|export|--out|$shell_folder_w\\phường thử.sodoan|--passphrase-file|mat-khau.txt"
		"backups|0|Thư mục sao lưu: ${db_w%\\*}\\sao-luu|--db|$db_w|backups|list"
		"stats|0|(sodoan-cli --db \"$db_w\" plan new …)|--db|$db_w|stats|--year|$(date +%Y)"
		"report|0|: $shell_folder_w\\ds.pdf|--db|so.db|report|members|--out|$shell_folder_w\\ds.pdf"
		"exists|1|Lỗi: không ghi được $shell_folder_w\\ds.pdf: tệp đã có|--db|so.db|report|members|--out|$shell_folder_w\\ds.pdf"
		"upgrade|0|Sổ $db_w ở lược đồ|--db|$db_w|upgrade"
		"extra|2|history: tham số thừa “$shell_folder_w\\ds.pdf”|--db|$db_w|history|$shell_folder_w\\ds.pdf"
		"missing|1|tạo sổ mới bằng lệnh: sodoan-cli --db \"$shell_folder_w\\không có.db\" init|--db|$shell_folder_w\\không có.db|check"
	)
	printf 'mật khẩu thử 2026\n' >"$shellw/mat-khau.txt"
	local c name code want args said
	for c in "${checks[@]}"; do
		IFS='|' read -r -a args <<<"$c"
		name=${args[0]} code=${args[1]} want=${args[2]}
		rc=$(shell_cli "path-$name" "${args[@]:3}")
		said=$(cat "$shellw/path-$name.out" "$shellw/path-$name.err")
		[ "$rc" = "$code" ] || fail "${args[*]:3}: mã $rc, cần $code: $said"
		[[ $said == *"$want"* ]] || fail "${args[*]:3}: không in '$want':
$said"
		if [[ $said == *'\\'* ]]; then fail "${args[*]:3}: in đường dẫn có \\\\: $(grep -F '\\' <<<"$said")"; fi
		ok "$name: $(grep -F -m1 -- "$want" <<<"$said")"
	done
}

# shell_checks: all of the above, in order.
shell_checks() {
	shell_setup
	shell_open_show
	shell_locked_pdf
	shell_cli_paths
}
