package store

// migrations are applied in order, each in its own transaction, and never
// edited once released: a register written by an older Sổ Đoàn is brought
// forward by running the ones it lacks. PRAGMA user_version holds how many
// have run.
var migrations = []string{
	// 1: the register.
	`
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE branches (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL DEFAULT 'hamlet',
	active     INTEGER NOT NULL DEFAULT 1,
	dissolved  TEXT,
	note       TEXT NOT NULL DEFAULT '',
	sort_key   BLOB
);
CREATE UNIQUE INDEX branches_name ON branches(name);

CREATE TABLE people (
	id             INTEGER PRIMARY KEY,
	family_name    TEXT NOT NULL,
	middle_name    TEXT NOT NULL DEFAULT '',
	given_name     TEXT NOT NULL,
	gender         TEXT NOT NULL DEFAULT 'male',
	birth_date     TEXT,
	ethnicity      TEXT NOT NULL DEFAULT '',
	religion       TEXT NOT NULL DEFAULT '',
	citizen_id     TEXT NOT NULL DEFAULT '',
	phone          TEXT NOT NULL DEFAULT '',
	address        TEXT NOT NULL DEFAULT '',
	hamlet         TEXT NOT NULL DEFAULT '',
	occupation     TEXT NOT NULL DEFAULT '',
	schooling      INTEGER NOT NULL DEFAULT 0,
	qualification  TEXT NOT NULL DEFAULT '',
	theory_level   TEXT NOT NULL DEFAULT '',
	it_level       TEXT NOT NULL DEFAULT '',
	language       TEXT NOT NULL DEFAULT '',
	language_fluent INTEGER NOT NULL DEFAULT 0,
	youth_work_trained INTEGER NOT NULL DEFAULT 0,
	union_member   INTEGER NOT NULL DEFAULT 0,
	admission_date TEXT,
	card_number    TEXT,
	branch_id      INTEGER REFERENCES branches(id) ON DELETE RESTRICT,
	federation_member INTEGER NOT NULL DEFAULT 0,
	federation_date TEXT,
	note           TEXT NOT NULL DEFAULT '',
	-- derived from membership_events by the store, kept here so that lists
	-- filter on it through an index
	status         TEXT NOT NULL DEFAULT 'active',
	-- Vietnamese collation key of (tên, tên đệm, họ): lists sort on it
	sort_key       BLOB NOT NULL,
	-- " " + folded name and numbers: where a search matches most of the
	-- register, a page is read by walking sort_key and testing this text
	search         TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE UNIQUE INDEX people_card ON people(card_number) WHERE card_number IS NOT NULL AND card_number <> '' AND union_member = 1;
CREATE INDEX people_sort ON people(sort_key);
CREATE INDEX people_union_sort ON people(union_member, sort_key);
CREATE INDEX people_branch_sort ON people(branch_id, sort_key);
CREATE INDEX people_birth ON people(birth_date);
CREATE INDEX people_admission ON people(admission_date);
CREATE INDEX people_federation_date ON people(federation_date) WHERE federation_member = 1;

-- Accent-folded text of each person for search as you type. Contentless:
-- the store writes the folded text itself.
CREATE VIRTUAL TABLE people_fts USING fts5(
	name, ids,
	content='', contentless_delete=1,
	tokenize="unicode61 remove_diacritics 2",
	-- Search asks only which people hold every typed prefix: no positions,
	-- no ranking, so the index keeps document IDs alone.
	detail=none,
	prefix='1 2'
);

CREATE TABLE membership_events (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	kind      TEXT NOT NULL,
	date      TEXT NOT NULL,
	unit      TEXT NOT NULL DEFAULT '',
	reason    TEXT NOT NULL DEFAULT '',
	note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_person ON membership_events(person_id, date);
CREATE INDEX events_kind_date ON membership_events(kind, date);

CREATE TABLE member_years (
	person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	year       INTEGER NOT NULL,
	rating     TEXT NOT NULL DEFAULT '',
	training_registered INTEGER NOT NULL DEFAULT 0,
	training_completed  INTEGER NOT NULL DEFAULT 0,
	party_introduced TEXT,
	party_admitted   TEXT,
	PRIMARY KEY (person_id, year)
) WITHOUT ROWID;
CREATE INDEX member_years_year ON member_years(year);
CREATE INDEX member_years_introduced ON member_years(party_introduced) WHERE party_introduced IS NOT NULL;

CREATE TABLE positions (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	kind      TEXT NOT NULL,
	branch_id INTEGER REFERENCES branches(id) ON DELETE SET NULL,
	start     TEXT,
	end       TEXT
);
CREATE INDEX positions_person ON positions(person_id);

-- The standard-branch checklist. A criterion applies to the years from
-- from_year to to_year (NULL: open), so that changing the checklist does
-- not change the assessment of years already past.
CREATE TABLE criteria (
	id        INTEGER PRIMARY KEY,
	code      TEXT NOT NULL,
	text      TEXT NOT NULL,
	ord       INTEGER NOT NULL DEFAULT 0,
	active    INTEGER NOT NULL DEFAULT 1,
	from_year INTEGER,
	to_year   INTEGER
);

CREATE TABLE branch_years (
	branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	year      INTEGER NOT NULL,
	rating    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (branch_id, year)
) WITHOUT ROWID;

CREATE TABLE branch_criteria_met (
	branch_id    INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	year         INTEGER NOT NULL,
	criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
	PRIMARY KEY (branch_id, year, criterion_id)
) WITHOUT ROWID;

CREATE TABLE clubs (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL,
	kind    TEXT NOT NULL DEFAULT 'other',
	founded TEXT,
	leader  TEXT NOT NULL DEFAULT '',
	active  INTEGER NOT NULL DEFAULT 1,
	note    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE club_members (
	id        INTEGER PRIMARY KEY,
	club_id   INTEGER NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
	person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
	name      TEXT NOT NULL DEFAULT '',
	role      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX club_members_club ON club_members(club_id);

CREATE TABLE coops (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	field         TEXT NOT NULL DEFAULT '',
	founded       TEXT,
	contract_date TEXT,
	legal_basis   TEXT NOT NULL DEFAULT 'nd77_2019',
	capital       INTEGER NOT NULL DEFAULT 0 CHECK (capital >= 0),
	active        INTEGER NOT NULL DEFAULT 1,
	note          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE coop_members (
	id        INTEGER PRIMARY KEY,
	coop_id   INTEGER NOT NULL REFERENCES coops(id) ON DELETE CASCADE,
	person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
	name      TEXT NOT NULL DEFAULT '',
	role      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX coop_members_coop ON coop_members(coop_id);

CREATE TABLE coop_years (
	coop_id    INTEGER NOT NULL REFERENCES coops(id) ON DELETE CASCADE,
	year       INTEGER NOT NULL,
	revenue    INTEGER NOT NULL DEFAULT 0 CHECK (revenue >= 0),
	avg_income INTEGER NOT NULL DEFAULT 0 CHECK (avg_income >= 0),
	support    TEXT NOT NULL DEFAULT '',
	supported_model INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (coop_id, year)
) WITHOUT ROWID;

CREATE TABLE ward_years (
	year              INTEGER PRIMARY KEY,
	resident_youth    INTEGER NOT NULL DEFAULT 0 CHECK (resident_youth >= 0),
	new_party_members INTEGER NOT NULL DEFAULT 0 CHECK (new_party_members >= 0),
	rating            TEXT NOT NULL DEFAULT '',
	achievements      TEXT NOT NULL DEFAULT '',
	shortcomings      TEXT NOT NULL DEFAULT '',
	next_steps        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE plans (
	id         INTEGER PRIMARY KEY,
	number     TEXT NOT NULL,
	title      TEXT NOT NULL,
	start_year INTEGER NOT NULL,
	end_year   INTEGER NOT NULL,
	current    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE indicators (
	id      INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	code    TEXT NOT NULL,
	section TEXT NOT NULL DEFAULT '',
	title   TEXT NOT NULL,
	kind    TEXT NOT NULL,
	metric  TEXT NOT NULL,
	target  REAL NOT NULL DEFAULT 0 CHECK (target >= 0),
	period  INTEGER NOT NULL DEFAULT 0,
	ord     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX indicators_plan ON indicators(plan_id, ord);

-- Values ticked or typed by hand for indicators the register cannot
-- measure (checkbox targets).
CREATE TABLE indicator_values (
	indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
	year         INTEGER NOT NULL,
	value        REAL NOT NULL DEFAULT 0 CHECK (value >= 0),
	PRIMARY KEY (indicator_id, year)
) WITHOUT ROWID;

-- The unit's outgoing-document register (sổ văn bản đi).
CREATE TABLE documents (
	id        INTEGER PRIMARY KEY,
	year      INTEGER NOT NULL,
	type      TEXT NOT NULL,
	number    INTEGER NOT NULL,
	title     TEXT NOT NULL DEFAULT '',
	issued    TEXT NOT NULL,
	file      TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX documents_number ON documents(year, type, number);
`,
	// 2: reports a ward can sign. Clubs and groups keep the day they
	// closed (set by trigger whenever active goes to 0, whichever screen
	// does it), so that a past year's figures do not change when one
	// closes; a plan records its date, its issuing body and the upper
	// plan it implements; a document in the register keeps a key naming
	// what it is, so that regenerating it keeps its number; the report's
	// narrative is kept per document and year, section by section.
	`
ALTER TABLE clubs ADD COLUMN closed TEXT;
ALTER TABLE coops ADD COLUMN closed TEXT;
CREATE TRIGGER clubs_closed AFTER UPDATE OF active ON clubs WHEN NEW.active IS NOT OLD.active BEGIN
	UPDATE clubs SET closed = CASE WHEN NEW.active = 0 THEN date('now', 'localtime') END WHERE id = NEW.id;
END;
CREATE TRIGGER coops_closed AFTER UPDATE OF active ON coops WHEN NEW.active IS NOT OLD.active BEGIN
	UPDATE coops SET closed = CASE WHEN NEW.active = 0 THEN date('now', 'localtime') END WHERE id = NEW.id;
END;
ALTER TABLE plans ADD COLUMN issued TEXT;
ALTER TABLE plans ADD COLUMN issuer TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN upper_plan TEXT NOT NULL DEFAULT '';
CREATE INDEX member_years_admitted ON member_years(party_admitted) WHERE party_admitted IS NOT NULL;
ALTER TABLE documents ADD COLUMN doc_key TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_key ON documents(doc_key, year, type);
CREATE TABLE narratives (
	doc     TEXT NOT NULL,
	key     INTEGER NOT NULL,
	section TEXT NOT NULL,
	body    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc, key, section)
) WITHOUT ROWID;
`,
	// 3: history of changes and the recycle bin (issue 9).
	`
-- Every change to the register, written by the store's one write path in
-- the transaction of the change: one row a row inserted, changed or
-- deleted (before and after hold the changed columns as JSON), or one
-- summary row for a move to or from the recycle bin. No foreign keys:
-- history outlives the rows it tells about.
CREATE TABLE history (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	action    TEXT NOT NULL,
	entity    TEXT NOT NULL,
	row_key   TEXT NOT NULL,
	person_id INTEGER,
	before    TEXT NOT NULL DEFAULT '{}',
	after     TEXT NOT NULL DEFAULT '{}',
	note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_person ON history(person_id, id) WHERE person_id IS NOT NULL;

-- The recycle bin (thùng rác): a deleted person, branch, club or
-- cooperative group leaves the live tables, so that no list, search,
-- count or report can see it, and waits here with every row linked to it
-- (payload, JSON) until it is restored or the bin is emptied.
CREATE TABLE trash (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL,
	item_id    INTEGER NOT NULL,
	label      TEXT NOT NULL,
	deleted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	links      INTEGER NOT NULL DEFAULT 0,
	payload    TEXT NOT NULL
);
CREATE INDEX trash_item ON trash(kind, item_id);
`,
	// 4: the upper level. Every register gets an identity of its own, which
	// its packages carry, so that the upper level tells a ward's next
	// package from another ward's even when the ward renames itself. A
	// consolidation register (settings register.kind) lists its wards'
	// latest packages; their snapshots lie in a folder beside it.
	`
INSERT OR IGNORE INTO settings(key, value) VALUES ('register.id', lower(hex(randomblob(16))));
CREATE TABLE wards (
	register_id TEXT PRIMARY KEY,
	unit        TEXT NOT NULL,
	upper_body  TEXT NOT NULL DEFAULT '',
	made        TEXT NOT NULL,
	schema      INTEGER NOT NULL,
	file        TEXT NOT NULL,
	imported    TEXT NOT NULL,
	members     INTEGER NOT NULL DEFAULT 0
);
`,
	// 5: the dues category of a person (diện đóng đoàn phí): empty while
	// it follows the occupation (domain.Person.Dues).
	`
ALTER TABLE people ADD COLUMN dues_category TEXT NOT NULL DEFAULT '';
`,
	// 6: numbers: one sequence per issuer and year across document types
	// (12-BC, 13-GGT), and every issue of a document kept. A reissue of
	// the same document adds a row to document_versions beside its entry
	// instead of rewriting the entry. Each existing entry becomes its own
	// first version (no row lost). Numbers an older register gave per
	// type (1-BC and 1-GGT of one year) stay as they were issued: the
	// documents went out under them; new numbers follow the highest of
	// the year whatever its type.
	`
CREATE TABLE document_versions (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	issued      TEXT NOT NULL,
	title       TEXT NOT NULL DEFAULT '',
	file        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_versions_document ON document_versions(document_id, id);
INSERT INTO document_versions(document_id, issued, title, file) SELECT id, issued, title, file FROM documents ORDER BY id;
CREATE INDEX documents_year_number ON documents(year, number);
`,
	// 7: targets: tập huấn, office standards, named models (issue 16, point 11).
	// Target 2.4 asks for a training in each year, so the lifetime yes/no
	// people.youth_work_trained becomes dated records (trainings). A yes
	// is not lost: it becomes a training dated the last day of the working
	// year (31/12 unless the ward's year starts on another day) in which
	// the register first recorded the yes (its history), or, for a yes the
	// history does not show, of the register's first year (its earliest
	// history line; today's year in a register with no history), and
	// never after the day of the migration (a yes recorded this year is
	// dated today: a training is not dated in the future). The column
	// stays, unread, so that no older copy loses what it held.
	// The standards of each office (office_standards) start empty: the
	// defaults are domain.DefaultOfficeStandards until the ward writes its
	// own. 2.1 and 2.2b become named, dated records (target_models): each
	// co-operative group ticked "supported" in a year becomes a 2.2b model
	// supported on the last day of that working year, with its support; a
	// 2.1 tick entered by hand stays where it was and still counts as a yes
	// "with no model named" until the ward names one, while the template's
	// 2.1 targets are measured from the records.
	`
CREATE TABLE trainings (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	date      TEXT NOT NULL,
	course    TEXT NOT NULL DEFAULT '',
	organiser TEXT NOT NULL DEFAULT ''
);
CREATE INDEX trainings_person ON trainings(person_id, date);
CREATE INDEX trainings_date ON trainings(date);

CREATE TABLE office_standards (
	office            TEXT NOT NULL,
	from_year         INTEGER NOT NULL,
	min_schooling     INTEGER NOT NULL DEFAULT 0 CHECK (min_schooling BETWEEN 0 AND 12),
	min_qualification TEXT NOT NULL DEFAULT '',
	min_theory        TEXT NOT NULL DEFAULT '',
	training_required INTEGER NOT NULL DEFAULT 0,
	counted           INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (office, from_year)
) WITHOUT ROWID;

CREATE TABLE target_models (
	id        INTEGER PRIMARY KEY,
	target    TEXT NOT NULL,
	kind      TEXT NOT NULL,
	name      TEXT NOT NULL,
	link      TEXT NOT NULL DEFAULT '',
	owner     TEXT NOT NULL DEFAULT '',
	branch_id INTEGER REFERENCES branches(id) ON DELETE SET NULL,
	coop_id   INTEGER REFERENCES coops(id) ON DELETE CASCADE,
	date      TEXT NOT NULL,
	ended     TEXT,
	support   TEXT NOT NULL DEFAULT '',
	note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX target_models_date ON target_models(target, date);

-- The first day of the working year in a year Y: mm-dd from the setting.
CREATE TEMP TABLE ys AS SELECT COALESCE((SELECT substr(value, 4, 2) || '-' || substr(value, 1, 2)
	FROM settings WHERE key = 'report.year_start' AND length(value) = 5), '01-01') AS md;

INSERT INTO trainings(person_id, date, course, organiser)
SELECT p.id,
	min(date('now', 'localtime'), CASE WHEN substr(d.day, 6) >= (SELECT md FROM ys)
		THEN date(substr(d.day, 1, 4) || '-' || (SELECT md FROM ys), '+1 year', '-1 day')
		ELSE date(substr(d.day, 1, 4) || '-' || (SELECT md FROM ys), '-1 day') END),
	'Bồi dưỡng công tác thanh niên (ghi nhận từ sổ cũ, chưa rõ ngày)', ''
FROM people p JOIN (
	SELECT q.id AS pid, COALESCE(
		(SELECT substr(min(h.at), 1, 10) FROM history h WHERE h.person_id = q.id AND h.entity = 'people'
			AND json_valid(h.after) AND json_extract(h.after, '$.youth_work_trained') IN (1, 'true', 'Có')),
		(SELECT substr(min(at), 1, 10) FROM history),
		date('now', 'localtime')) AS day
	FROM people q WHERE q.youth_work_trained = 1) d ON d.pid = p.id;

INSERT INTO target_models(target, kind, name, coop_id, date, support)
SELECT 'economic', 'coop', g.name, g.id,
	CASE WHEN (SELECT md FROM ys) = '01-01' THEN printf('%04d-12-31', y.year)
		ELSE date(printf('%04d-', y.year) || (SELECT md FROM ys), '-1 day') END,
	y.support
FROM coop_years y JOIN coops g ON g.id = y.coop_id WHERE y.supported_model = 1;

DROP TABLE ys;

UPDATE indicators SET metric = 'outreach_models' WHERE code = '2.1a' AND metric = 'manual';
UPDATE indicators SET metric = 'social_pages' WHERE code = '2.1b' AND metric = 'manual';
`,
	// 8: members: Hội membership ends (issue 16). A person leaves the Hội
	// on federation_end (transfer, removal, ageing out, leaving: the
	// reason), and is no longer a hội viên from that day. In an existing
	// register, a hội viên whose Union membership ended by a transfer out
	// or a removal (the latest event) gets the Hội end at the same date
	// and for the same reason, unless she joined the Hội after it: she
	// left the ward, and counting her made "716 hội viên" where the same
	// report's 2.5c counted 699. A transfer in records the original
	// admission date (admitted) and card it brings; where an older
	// register kept an admission date earlier than the transfer, that
	// date is the original one and is copied; where it kept the transfer
	// date, the original is unknown and `check` names the person.
	`
ALTER TABLE people ADD COLUMN federation_end TEXT;
ALTER TABLE people ADD COLUMN federation_end_reason TEXT NOT NULL DEFAULT '';
UPDATE people SET
	federation_end = (SELECT e.date FROM membership_events e WHERE e.person_id = people.id ORDER BY e.date DESC, e.id DESC LIMIT 1),
	federation_end_reason = CASE status WHEN 'transferred' THEN 'transfer' ELSE 'removal' END
WHERE federation_member = 1 AND status IN ('transferred', 'removed')
	AND (federation_date IS NULL OR federation_date <=
		(SELECT e.date FROM membership_events e WHERE e.person_id = people.id ORDER BY e.date DESC, e.id DESC LIMIT 1));
CREATE INDEX people_federation_end ON people(federation_end) WHERE federation_end IS NOT NULL;
ALTER TABLE membership_events ADD COLUMN admitted TEXT;
ALTER TABLE membership_events ADD COLUMN card TEXT NOT NULL DEFAULT '';
UPDATE membership_events SET admitted = (SELECT p.admission_date FROM people p WHERE p.id = membership_events.person_id)
WHERE kind = 'transfer_in' AND (SELECT p.admission_date FROM people p WHERE p.id = membership_events.person_id) < date;
`,
	// 9: dated: every yearly fact carries the day it was decided or
	// recorded, so that a document shows only what was known on its
	// cut-off (issue 16): a member's and a branch's rating, a branch's
	// assessment against the criteria, the ward's own rating, a group's
	// reported results (revenue, the model supported), and the ward's new
	// Party members as a dated running count. Facts recorded before had no
	// date: each takes the last day of its working year (31/12 of the
	// year for a calendar working year; the upgrade's day for the year
	// still running), and the history says so. A NULL date written later
	// by code that gives none reads the same way.
	`
ALTER TABLE member_years ADD COLUMN rated TEXT;
UPDATE member_years SET rated = ` + yearEndSQL + ` WHERE rating <> '';
ALTER TABLE branch_years ADD COLUMN rated TEXT;
UPDATE branch_years SET rated = ` + yearEndSQL + ` WHERE rating <> '';
ALTER TABLE branch_criteria_met ADD COLUMN assessed TEXT;
UPDATE branch_criteria_met SET assessed = ` + yearEndSQL + `;
ALTER TABLE ward_years ADD COLUMN rated TEXT;
UPDATE ward_years SET rated = ` + yearEndSQL + ` WHERE rating <> '';
ALTER TABLE coop_years ADD COLUMN reported TEXT;
UPDATE coop_years SET reported = ` + yearEndSQL + `;
-- The ward's new Party members of a year as the secretary recorded them
-- on a day: the year's count up to that day. A document reads the latest
-- count on or before its cut-off. ward_years.new_party_members keeps the
-- latest count for older readers.
CREATE TABLE party_counts (
	year  INTEGER NOT NULL,
	date  TEXT NOT NULL,
	count INTEGER NOT NULL CHECK (count >= 0),
	PRIMARY KEY (year, date)
) WITHOUT ROWID;
INSERT INTO party_counts(year, date, count) SELECT year, ` + yearEndSQL + `, new_party_members FROM ward_years WHERE new_party_members > 0;
INSERT INTO history(action, entity, row_key, note) SELECT 'upgrade', 'settings', 'schema',
	'Nâng cấp sổ: xếp loại, đánh giá tiêu chí, kết quả tổ hợp tác và số đảng viên mới đã nhập trước đây chưa có ngày, nay lấy ngày cuối năm công tác (31/12 của năm)'
	WHERE EXISTS (SELECT 1 FROM member_years WHERE rating <> '') OR EXISTS (SELECT 1 FROM branch_years)
	OR EXISTS (SELECT 1 FROM branch_criteria_met) OR EXISTS (SELECT 1 FROM ward_years) OR EXISTS (SELECT 1 FROM coop_years);
`,
	// 10: plan: a plan's target whose figure is not entered yet (a plan
	// begun from the upper level's template): nothing is judged against
	// it. Existing targets all have their figures.
	`
ALTER TABLE indicators ADD COLUMN no_target INTEGER NOT NULL DEFAULT 0;
`,
	// 11: n16a: dated report texts: every save of a document's text keeps
	// a version of the day it was saved, so that a document reissued later
	// prints the texts written by its date, not ones edited after
	// (issue 16). narratives and ward_years keep the current text the
	// editors edit. Texts written before had no day: each takes the last
	// day of its year (a plan's texts, of the plan's last year), or the
	// upgrade's day if that is earlier, and the history says so.
	`
CREATE TABLE narrative_versions (
	doc     TEXT NOT NULL,
	key     INTEGER NOT NULL,
	section TEXT NOT NULL,
	saved   TEXT NOT NULL,
	body    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc, key, section, saved)
) WITHOUT ROWID;
INSERT OR IGNORE INTO narrative_versions(doc, key, section, saved, body)
SELECT 'annual', year, section, ` + yearEndSQL + `, body FROM (
	SELECT year, 'strengths' AS section, achievements AS body FROM ward_years WHERE achievements <> ''
	UNION ALL SELECT year, 'shortcomings', shortcomings FROM ward_years WHERE shortcomings <> ''
	UNION ALL SELECT year, 'directions', next_steps FROM ward_years WHERE next_steps <> '');
INSERT OR IGNORE INTO narrative_versions(doc, key, section, saved, body)
SELECT doc, key, section, ` + yearEndSQL + `, body FROM (
	SELECT doc, key, section, body, CASE WHEN doc IN ('annual', 'half-year') THEN key
		ELSE COALESCE((SELECT end_year FROM plans WHERE plans.id = narratives.key), CAST(strftime('%Y', 'now', 'localtime') AS INTEGER)) END AS year
	FROM narratives WHERE body <> '');
INSERT INTO history(action, entity, row_key, note) SELECT 'upgrade', 'settings', 'schema',
	'Nâng cấp sổ: nội dung báo cáo nay giữ từng lần lưu theo ngày; nội dung đã viết trước đây chưa có ngày, nay lấy ngày cuối năm của văn bản (31/12), hoặc ngày nâng cấp nếu năm chưa hết'
	WHERE EXISTS (SELECT 1 FROM narrative_versions);
`,
	// 12: n16a: a group's results reported more than once a year (at
	// 30/06 for the 6-month report, at the year's end for the annual):
	// one row a report, the latest of the year on or before a document's
	// cut-off is what it prints. coop_years keeps the year's latest report
	// for the screens. Each existing coop_years row becomes one report on
	// its reported day (undated: the year's last day, as migration 9).
	`
CREATE TABLE coop_reports (
	coop_id    INTEGER NOT NULL REFERENCES coops(id) ON DELETE CASCADE,
	year       INTEGER NOT NULL,
	date       TEXT NOT NULL,
	revenue    INTEGER NOT NULL DEFAULT 0 CHECK (revenue >= 0),
	avg_income INTEGER NOT NULL DEFAULT 0 CHECK (avg_income >= 0),
	support    TEXT NOT NULL DEFAULT '',
	supported_model INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (coop_id, year, date)
) WITHOUT ROWID;
INSERT INTO coop_reports(coop_id, year, date, revenue, avg_income, support, supported_model)
SELECT coop_id, year, COALESCE(reported, ` + yearEndSQL + `), revenue, avg_income, support, supported_model FROM coop_years;
UPDATE coop_years SET reported = ` + yearEndSQL + ` WHERE reported IS NULL;
`,
	// 13: n19data: the year's work (issue 19): activities (dated, of a
	// kind, organised by the ward or by branches, with participants
	// counted and optionally named, and their kind's figures), branch
	// meetings and each member's attendance. Nothing existing changes:
	// trainings and target_models stay where they are and the activity
	// lists read them as activities of their kinds.
	`
CREATE TABLE activities (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL,
	title       TEXT NOT NULL,
	date        TEXT NOT NULL,
	end_date    TEXT,
	ward        INTEGER NOT NULL DEFAULT 1,
	union_count INTEGER NOT NULL DEFAULT 0 CHECK (union_count >= 0),
	federation_count INTEGER NOT NULL DEFAULT 0 CHECK (federation_count >= 0),
	other_count INTEGER NOT NULL DEFAULT 0 CHECK (other_count >= 0),
	roll        INTEGER NOT NULL DEFAULT 0,
	link        TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activities_date ON activities(date);
CREATE TABLE activity_branches (
	activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
	branch_id   INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	PRIMARY KEY (activity_id, branch_id)
) WITHOUT ROWID;
CREATE INDEX activity_branches_branch ON activity_branches(branch_id);
CREATE TABLE activity_people (
	activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
	person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (activity_id, person_id)
) WITHOUT ROWID;
CREATE INDEX activity_people_person ON activity_people(person_id);
CREATE TABLE activity_measures (
	activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
	measure     TEXT NOT NULL,
	value       INTEGER NOT NULL CHECK (value >= 0),
	PRIMARY KEY (activity_id, measure)
) WITHOUT ROWID;
CREATE TABLE meetings (
	id         INTEGER PRIMARY KEY,
	branch_id  INTEGER NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
	date       TEXT NOT NULL,
	kind       TEXT NOT NULL DEFAULT 'regular',
	theme      TEXT NOT NULL DEFAULT '',
	minutes    TEXT NOT NULL DEFAULT '',
	resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_branch_date ON meetings(branch_id, date);
CREATE INDEX meetings_date ON meetings(date);
CREATE TABLE attendance (
	meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	presence   TEXT NOT NULL CHECK (presence IN ('present', 'excused', 'absent')),
	PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;
CREATE INDEX attendance_person ON attendance(person_id, presence);
`,
	// 14: n17list: the member list starts on the đoàn viên in activity
	// (store.DefaultMemberFilter): an index by status in name order, so
	// that its count reads the index alone (65,000 of 100,000 people:
	// 340 ms without it) and its pages walk it in order.
	`CREATE INDEX people_union_status_sort ON people(union_member, status, sort_key);`,
	// 15: n20dues: Union dues (issue 20): the rules by the day they apply
	// from (no row: NQ 07-NQ/TWĐTN's defaults), each member's months paid
	// (one payment, the rows sharing a payment number, may cover several
	// months), the committee's exemptions, the remittances up the levels,
	// and each branch's cash book, the dues kept entered by their
	// remittance.
	`
CREATE TABLE dues_rules (
	from_date  TEXT PRIMARY KEY,
	wage       INTEGER NOT NULL CHECK (wage > 0),
	no_wage    INTEGER NOT NULL CHECK (no_wage > 0),
	abroad     INTEGER NOT NULL CHECK (abroad > 0),
	up_num     INTEGER NOT NULL DEFAULT 1,
	up_den     INTEGER NOT NULL DEFAULT 3,
	max_exempt INTEGER NOT NULL DEFAULT 6
) WITHOUT ROWID;
CREATE TABLE dues_paid (
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	month     TEXT NOT NULL,
	amount    INTEGER NOT NULL CHECK (amount > 0),
	date      TEXT NOT NULL,
	payment   INTEGER NOT NULL,
	branch_id INTEGER REFERENCES branches(id) ON DELETE SET NULL,
	note      TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (person_id, month)
) WITHOUT ROWID;
CREATE INDEX dues_paid_month ON dues_paid(month);
CREATE INDEX dues_paid_payment ON dues_paid(payment);
CREATE INDEX dues_paid_branch_date ON dues_paid(branch_id, date);
CREATE TABLE dues_exemptions (
	id              INTEGER PRIMARY KEY,
	person_id       INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	from_month      TEXT NOT NULL,
	months          INTEGER NOT NULL CHECK (months > 0),
	decision_number TEXT NOT NULL DEFAULT '',
	decision_date   TEXT NOT NULL,
	reason          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dues_exemptions_person ON dues_exemptions(person_id, from_month);
CREATE TABLE dues_remittances (
	id          INTEGER PRIMARY KEY,
	level       TEXT NOT NULL CHECK (level IN ('branch', 'ward')),
	branch_id   INTEGER REFERENCES branches(id) ON DELETE SET NULL,
	year        INTEGER NOT NULL,
	period      INTEGER NOT NULL,
	date        TEXT NOT NULL,
	sum         INTEGER NOT NULL CHECK (sum >= 0),
	up          INTEGER NOT NULL,
	kept        INTEGER NOT NULL,
	paid_by     TEXT NOT NULL DEFAULT '',
	received_by TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dues_remittances_period ON dues_remittances(year, level, period);
CREATE TABLE cash_entries (
	id            INTEGER PRIMARY KEY,
	branch_id     INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	date          TEXT NOT NULL,
	content       TEXT NOT NULL DEFAULT '',
	receipt       INTEGER NOT NULL DEFAULT 0 CHECK (receipt >= 0),
	spending      INTEGER NOT NULL DEFAULT 0 CHECK (spending >= 0),
	remittance_id INTEGER
);
CREATE INDEX cash_entries_branch ON cash_entries(branch_id, date);
`,
	// 16: n20book: the ward's decisions (quyết định) and the day a
	// member's card was handed (issue 20). A decision is numbered in the
	// outgoing-document register (document_id), or, signed on paper before
	// the register, keeps the number it was given (no document_id; the
	// sequence skips it); the membership events it decided carry its id. Nothing existing changes: old events have no
	// decision, old members no card day (the dashboard counts them
	// without a card until one is entered).
	`
ALTER TABLE people ADD COLUMN card_date TEXT;
CREATE TABLE decisions (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL,
	document_id INTEGER REFERENCES documents(id),
	year        INTEGER NOT NULL,
	number      INTEGER NOT NULL,
	date        TEXT NOT NULL,
	signer      TEXT NOT NULL DEFAULT '',
	form        TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL DEFAULT '',
	branch_id   INTEGER REFERENCES branches(id),
	term        TEXT NOT NULL DEFAULT '',
	exempt_from   TEXT NOT NULL DEFAULT '',
	exempt_months INTEGER NOT NULL DEFAULT 0,
	UNIQUE (year, number)
);
CREATE TABLE decision_people (
	id          INTEGER PRIMARY KEY,
	decision_id INTEGER NOT NULL REFERENCES decisions(id),
	person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	event_id    INTEGER,
	exemption_id INTEGER,
	role        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decision_people_person ON decision_people(person_id);
CREATE INDEX decision_people_decision ON decision_people(decision_id);
ALTER TABLE membership_events ADD COLUMN decision_id INTEGER;
`,
	// 17: n19rest: the evidence thresholds (issue 19) by the day they
	// apply from, like the dues rules (no row: domain.DefaultEvidence). A
	// register that had set them as plain settings keeps its values,
	// applying from the beginning (01/01/1900, domain.EvidenceBeginning);
	// a value out of range, which the old reading ignored, is the default.
	`
CREATE TABLE evidence_rules (
	from_date       TEXT PRIMARY KEY,
	branch_meetings INTEGER NOT NULL CHECK (branch_meetings BETWEEN 1 AND 52),
	member_share    INTEGER NOT NULL CHECK (member_share BETWEEN 1 AND 100),
	absent_months   INTEGER NOT NULL CHECK (absent_months BETWEEN 1 AND 12),
	meeting_day     INTEGER NOT NULL CHECK (meeting_day BETWEEN 1 AND 28)
) WITHOUT ROWID;
INSERT INTO evidence_rules(from_date, branch_meetings, member_share, absent_months, meeting_day)
SELECT '1900-01-01',
	COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'evidence.branch_meetings' AND CAST(value AS INTEGER) BETWEEN 1 AND 52), 12),
	COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'evidence.member_share' AND CAST(value AS INTEGER) BETWEEN 1 AND 100), 90),
	COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'evidence.absent_months' AND CAST(value AS INTEGER) BETWEEN 1 AND 12), 3),
	COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'evidence.meeting_day' AND CAST(value AS INTEGER) BETWEEN 1 AND 28), 25)
WHERE EXISTS (SELECT 1 FROM settings WHERE key IN ('evidence.branch_meetings', 'evidence.member_share', 'evidence.absent_months', 'evidence.meeting_day'));
DELETE FROM settings WHERE key IN ('evidence.branch_meetings', 'evidence.member_share', 'evidence.absent_months', 'evidence.meeting_day');
`,
	// 18: n20resid: residence activity (issue 20): the members a branch
	// introduced to take part where they reside (kind out, person_id one
	// of ours) and the members of other units it received (kind in, the
	// person's names kept here, person_id an optional link). Dated from
	// and to, with the introduction letter's number and date. A new
	// table: nothing existing changes.
	`
CREATE TABLE residence_records (
	id            INTEGER PRIMARY KEY,
	kind          TEXT NOT NULL CHECK (kind IN ('out', 'in')),
	branch_id     INTEGER REFERENCES branches(id),
	person_id     INTEGER REFERENCES people(id) ON DELETE CASCADE,
	family_name   TEXT NOT NULL DEFAULT '',
	middle_name   TEXT NOT NULL DEFAULT '',
	given_name    TEXT NOT NULL DEFAULT '',
	gender        TEXT NOT NULL DEFAULT '',
	birth_date    TEXT,
	place         TEXT NOT NULL,
	address       TEXT NOT NULL DEFAULT '',
	from_date     TEXT NOT NULL,
	to_date       TEXT,
	letter_number TEXT NOT NULL DEFAULT '',
	letter_date   TEXT,
	note          TEXT NOT NULL DEFAULT '',
	CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX residence_records_branch ON residence_records(branch_id, from_date);
CREATE INDEX residence_records_person ON residence_records(person_id, from_date);
`,
	// 19: n20book2: a decision is reprinted and annulled (issue 20). It
	// keeps what it printed at issue: whether the deputy signed, its Nơi
	// nhận lines (one a line), and each person as printed (name, birth
	// date, gender, branch), so that a reprint is the decision as signed,
	// not today's register. An annulment is a dated record on the
	// decision: the day, the reason and the annulling decision's number.
	// Existing decisions keep everything; their reprint reads the people
	// and recipients from the register, as issuing did.
	`
ALTER TABLE decisions ADD COLUMN signer_deputy INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN recipients TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN annulled TEXT;
ALTER TABLE decisions ADD COLUMN annul_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN annul_number TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_people ADD COLUMN printed_name TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_people ADD COLUMN printed_birth TEXT;
ALTER TABLE decision_people ADD COLUMN printed_gender TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_people ADD COLUMN printed_branch TEXT NOT NULL DEFAULT '';
`,
	// 20: n20dues2: a member's dues category and branch dated (issue 20,
	// store/duesterms.go): each row is the value she had on the days
	// before until. No row is written: an existing register reads every
	// month with today's values, as before, and keeps every payment.
	`
CREATE TABLE dues_category_terms (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	until     TEXT NOT NULL,
	category  TEXT NOT NULL,
	UNIQUE (person_id, until)
);
CREATE TABLE branch_terms (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	until     TEXT NOT NULL,
	branch_id INTEGER REFERENCES branches(id),
	UNIQUE (person_id, until)
);
CREATE INDEX branch_terms_branch ON branch_terms(branch_id);
`,
}

// yearEndSQL is the last day of working year "year" (the row's column) as
// ISO text: 31/12 of the year for a calendar working year, else the day
// before the start of the next one (report.year_start holds "dd/mm"); for
// the year still running, the day of the upgrade (what is in the register
// was decided by then).
const yearEndSQL = `(SELECT min(CASE WHEN ys IS NULL OR ys = '01/01' OR length(ys) <> 5 THEN printf('%04d-12-31', year)
	ELSE date(printf('%04d-%s-%s', year, substr(ys, 4, 2), substr(ys, 1, 2)), '-1 day') END, date('now', 'localtime'))
	FROM (SELECT (SELECT value FROM settings WHERE key = 'report.year_start') AS ys))`
