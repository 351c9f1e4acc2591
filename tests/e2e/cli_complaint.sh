#!/usr/bin/env bash
# cli_complaint.sh - rule B14's register from the command line: the life
# of an entry (add -> forward -> close) with role refusals at each step,
# the report's section for a day with new and carried-over entries,
# phones masked for a lead and whole for a manager (list, CSV, report),
# purge of only closed, old entries with its audit line, an UNLOGGED mark
# that records the complaint late, and bad input refused with nothing
# written.
source "$(dirname "$0")/lib.sh"

N() { TZ=Asia/Shanghai date -d "$1" +%s; }
cf init >/dev/null
export CALLFLOOR_NOW=$(N '2026-11-02 10:00')
sum() { dbq "SELECT * FROM complaint; SELECT count(*) FROM audit; SELECT count(*) FROM incident" | sha1sum; }
as_cfg() { CALLFLOOR_CONFIG=$1 "$CF" -d "$DB" "${@:2}"; }

MGR=$CALLFLOOR_CONFIG                      # root is a manager there
SUP=$(config_with_users '{ login = "root"; role = "supervisor"; staff = "S001"; }')
LEAD=$(config_with_users '{ login = "root"; role = "lead"; }')
DIRA=$(config_with_users '{ login = "root"; role = "director"; staff = "D001"; }')
DIRB=$(config_with_users '{ login = "root"; role = "director"; staff = "D003"; }')

# --- bad input: a clear message, exit 2, nothing written ---
before=$(sum)
refused() {
	local label=$1 rc=$2 msg=$3
	shift 3
	expect_rc "$rc" "$@"
	grep -qF -- "$msg" "$T/err" || fail "$label: message [$(cat "$T/err")] lacks [$msg]"
	[ ! -s "$T/out" ] || fail "$label: printed on stdout: $(cat "$T/out")"
	expect_eq "$label: database unchanged" "$(sum)" "$before"
}
refused "empty caller" 2 "needs the caller" \
	as_cfg "$SUP" complaint add --staff E101 --kind repair --caller "" --note 断网
refused "blank caller" 2 "needs the caller" \
	as_cfg "$SUP" complaint add --staff E101 --kind repair --caller "  " --note 断网
refused "phone not a number" 2 "phone '138abc' is not a number" \
	as_cfg "$SUP" complaint add --staff E101 --kind repair --caller 张三 --phone 138abc --note 断网
refused "unknown kind" 2 "unknown kind 'bug': repair or complaint" \
	as_cfg "$SUP" complaint add --staff E101 --kind bug --caller 张三 --note 断网
refused "no note" 2 "needs a note" \
	as_cfg "$SUP" complaint add --staff E101 --kind repair --caller 张三
refused "unknown staff" 2 "no staff 'E999'" \
	as_cfg "$SUP" complaint add --staff E999 --kind repair --caller 张三 --note x
refused "future call" 2 "in the future" \
	as_cfg "$SUP" complaint add --staff E101 --kind repair --caller 张三 --note x --at '2026-11-03 10:00'
refused "option of another subcommand" 2 "complaint add does not take --outcome" \
	as_cfg "$SUP" complaint add --staff E101 --kind repair --caller 张三 --note x --outcome y
refused "unknown subcommand" 2 "unknown subcommand 'delete'" cf complaint delete 1
refused "no subcommand" 2 "say what to do" cf complaint
refused "a lead adds" 3 "supervisors and up" \
	as_cfg "$LEAD" complaint add --staff E101 --kind repair --caller 张三 --note x
refused "mark --caller on another rule" 2 "--caller and --phone go with --rule UNLOGGED" \
	cf mark --staff E101 --rule DESK --caller 张三

# --- the life of an entry ---
# Carried over: recorded on 2026-10-30 (a call at 16:00), still open.
old=$(as_cfg "$SUP" complaint add --staff E102 --kind repair --caller 李先生 \
	--phone "+86 139-0000-1111" --note 座机无拨号音 --at '2026-10-30 16:00' | head -1)
expect_eq "first id" "$old" 1
new=$(as_cfg "$SUP" complaint add --staff E101 --kind complaint --caller 张女士 \
	--phone 13812345678 --note 客服态度差 | head -1)
expect_eq "second id" "$new" 2
b=$(as_cfg "$SUP" complaint add --staff E201 --kind repair --caller "Mr Wu" \
	--phone 123456 --note "line noise" | head -1)
expect_eq "third id" "$b" 3

# Forward: a supervisor, a lead and group B's director are refused.
before=$(sum)
refused "a supervisor forwards" 3 "only its director (D001 王芳) or a manager" \
	as_cfg "$SUP" complaint forward 2
refused "a lead forwards" 3 "only its director" as_cfg "$LEAD" complaint forward 2
refused "B's director forwards A's entry" 3 "only its director (D001 王芳)" \
	as_cfg "$DIRB" complaint forward 3 2
expect_eq "nothing forwarded (all or none)" \
	"$(dbq "SELECT count(*) FROM complaint WHERE forwarded_at IS NOT NULL")" 0
refused "forward an unknown id" 2 "no register entry 9" as_cfg "$DIRA" complaint forward 9
expect_rc 0 as_cfg "$DIRA" complaint forward 1 2
expect_eq "forward says" "$(cat "$T/out")" "1 forwarded to the manager
2 forwarded to the manager"
expect_eq "forwarded by" "$(dbq "SELECT forwarded_by FROM complaint WHERE forwarded_at IS NOT NULL ORDER BY id" | paste -sd,)" "root,root"
before=$(sum)
refused "forward twice" 2 "entry 2 was already forwarded" as_cfg "$DIRA" complaint forward 2

# Close: managers only, with an outcome.
refused "a director closes" 3 "only a manager closes" \
	as_cfg "$DIRA" complaint close 2 --outcome 已道歉
refused "close without outcome" 2 "needs the outcome" cf complaint close 2
expect_rc 0 cf complaint close 2 --outcome 已道歉并回访
expect_eq "close says" "$(cat "$T/out")" "2 closed"
before=$(sum)
refused "close twice" 2 "entry 2 is already closed" cf complaint close 2 --outcome x
refused "forward a closed one" 2 "entry 2 is already closed" cf complaint forward 2

# Lists: the open ones with their age; masking for a lead, not a manager.
as_cfg "$LEAD" complaint list --open >"$T/lead.txt"
grep -q "^     1  2026-10-30   3d repair    forwarded E102 张伟" "$T/lead.txt" ||
	fail "lead's open list: $(cat "$T/lead.txt")"
grep -qF "+861******1111" "$T/lead.txt" || fail "masked long phone: $(cat "$T/lead.txt")"
grep -qF "****56" "$T/lead.txt" || fail "masked short phone: $(cat "$T/lead.txt")"
grep -q "13900001111\|123456" "$T/lead.txt" && fail "a lead sees a whole phone"
grep -q "张女士" "$T/lead.txt" && fail "a closed entry in --open"
cf complaint list --open --format csv >"$T/mgr.csv"
expect_eq "csv header" "$(head -1 "$T/mgr.csv" | tr -d '\r')" \
	"id,day,at,age_days,kind,state,staff_id,name,group,caller,phone,note,recorded_by,late,forwarded_by,forwarded_at,closed_by,closed_at,outcome"
grep -qF "1,2026-10-30,2026-10-30 16:00,3,repair,forwarded,E102,张伟,A,李先生,+8613900001111,座机无拨号音,root,0,root," "$T/mgr.csv" ||
	fail "manager's csv: $(cat "$T/mgr.csv")"
as_cfg "$LEAD" complaint list --format csv --group B >"$T/lead.csv"
grep -qF ",B,Mr Wu,****56,line noise," "$T/lead.csv" || fail "lead's csv: $(cat "$T/lead.csv")"
grep -q "李先生" "$T/lead.csv" && fail "--group B lists group A"
cf complaint list --day 2026-10-30 >"$T/day.txt"
grep -q "座机无拨号音" "$T/day.txt" && ! grep -q "客服态度差" "$T/day.txt" ||
	fail "--day: $(cat "$T/day.txt")"

# The report: a section per group with the day's new and the older open
# entries, callers named, phones masked for a lead.
as_cfg "$LEAD" report --day 2026-11-02 >"$T/lead.rep"
sed -n '/REGISTER OF CALLERS (B14): GROUP A/,/^$/p' "$T/lead.rep" >"$T/secA"
grep -qF "for director D001 王芳: 1 new today, 1 still open from earlier days" "$T/secA" ||
	fail "group A's register: $(cat "$T/lead.rep")"
grep -q "#2    2026-11-02   0d  complaint E101 李娜      张女士        138\*\*\*\*5678" "$T/secA" ||
	fail "new entry row: $(cat "$T/secA")"
grep -q "#1    2026-10-30   3d  repair    E102 张伟      李先生        +861\*\*\*\*\*\*1111" "$T/secA" ||
	fail "carried-over row: $(cat "$T/secA")"
grep -qF "[closed by root: 已道歉并回访]" "$T/secA" || fail "closed note: $(cat "$T/secA")"
grep -qF "[forwarded to the manager by root]" "$T/secA" || fail "forwarded note"
grep -qF "REGISTER OF CALLERS (B14): GROUP B  Group B" "$T/lead.rep" || fail "group B's register"
grep -q "13812345678" "$T/lead.rep" && fail "a lead's report shows a whole phone"
cf report --day 2026-11-02 >"$T/mgr.rep"
grep -qF "13812345678" "$T/mgr.rep" || fail "a manager's report masks"
cf report --day 2026-11-02 --format pdf -o "$T/r.pdf"
pdftotext "$T/r.pdf" - 2>/dev/null | grep -qF "REGISTER OF CALLERS" || fail "the PDF lacks the register"

# UNLOGGED: the mark records the complaint late, with who found it.
expect_rc 0 as_cfg "$SUP" mark --staff E103 --rule UNLOGGED --caller 赵先生 --note 投诉未登记
inc=$(head -1 "$T/out")
grep -qF "register entry 4, recorded late by root" "$T/err" || fail "UNLOGGED: $(cat "$T/err")"
expect_eq "late entry" "$(dbq "SELECT kind, late, incident, recorded_by, caller FROM complaint WHERE id = 4")" \
	"complaint|1|$inc|root|赵先生"
expect_rc 0 cf complaint list --open
grep -qF "recorded late by root: found unrecorded (UNLOGGED #$inc)" "$T/out" ||
	fail "late entry in the list: $(cat "$T/out")"
before=$(sum)
refused "UNLOGGED with a bad phone" 2 "is not a number" \
	as_cfg "$SUP" mark --staff E103 --rule UNLOGGED --caller 赵先生 --phone abc --note x

# Purge: managers; only entries closed more than 180 days ago.
refused "a director purges" 3 "only a manager purges" as_cfg "$DIRA" complaint purge
export CALLFLOOR_NOW=$(N '2027-04-30 10:00')   # entry 2 closed 179 days ago
expect_rc 0 cf complaint purge
expect_eq "nothing old enough" "$(cat "$T/out")" "0 entries closed more than 180 days ago: caller's name and phone purged"
export CALLFLOOR_NOW=$(N '2027-05-02 10:00')   # 181 days
expect_rc 0 cf complaint purge
expect_eq "one purged" "$(cat "$T/out")" "1 entry closed more than 180 days ago: caller's name and phone purged"
expect_eq "entry 2 kept without caller" \
	"$(dbq "SELECT CASE WHEN caller IS NULL THEN 1 END, CASE WHEN phone IS NULL THEN 1 END, outcome, day, CASE WHEN closed_at IS NOT NULL THEN 1 END FROM complaint WHERE id = 2")" \
	"1|1|已道歉并回访|2026-11-02|1"
expect_eq "open entries keep their caller" \
	"$(dbq "SELECT count(*) FROM complaint WHERE caller IS NULL")" 1
expect_eq "purge audit line" \
	"$(dbq "SELECT login, action, object FROM audit WHERE action = 'purge'")" "root|purge|complaint 2"
expect_rc 0 cf complaint list --day 2026-11-02
grep -qF "(purged)" "$T/out" || fail "list after purge: $(cat "$T/out")"
# A past day's report lists what was open then, closed since or not; a
# later day's no longer lists what was closed before it.
expect_rc 0 cf complaint close 1 --outcome 已修复
cf report --day 2026-10-31 >"$T/past.rep"
grep -qF "for director D001 王芳: 0 new today, 1 still open from earlier days" "$T/past.rep" ||
	fail "report of 2026-10-31: $(cat "$T/past.rep")"
grep -q "#1    2026-10-30   1d  repair" "$T/past.rep" || fail "entry 1 on 2026-10-31"
grep -q "#2 \|#3 \|#4 " "$T/past.rep" && fail "later entries in the report of 2026-10-31"
cf report --day 2027-05-03 >"$T/later.rep"
grep -q "#1 " "$T/later.rep" && fail "entry 1 after its close: $(cat "$T/later.rep")"
grep -q "#3    2026-11-02 182d  repair    E201" "$T/later.rep" ||
	fail "entry 3 still open: $(cat "$T/later.rep")"
# No audit line ever copies a caller's name or phone.
dbq "SELECT detail FROM audit" | grep -E "张女士|李先生|Mr Wu|赵先生|5678|1111|123456" &&
	fail "the audit trail copies a caller"
echo ok
