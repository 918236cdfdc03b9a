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
	// 6: plan: a plan's target whose figure is not entered yet (a plan
	// begun from the upper level's template): nothing is judged against
	// it. Existing targets all have their figures.
	`
ALTER TABLE indicators ADD COLUMN no_target INTEGER NOT NULL DEFAULT 0;
`,
}
