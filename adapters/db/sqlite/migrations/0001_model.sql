-- The model of the whole SAKIP cycle (domain.md §1.9). Every number a person typed keeps its text
-- (`*_text`) beside the parsed value, which is NULL when the text is malformed: the checks report it.
-- Column order here is the order of `kinerja export`. Tables are STRICT: a text in an integer column
-- is refused, not stored.

CREATE TABLE office (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('national', 'province', 'regency')),
  parent_id INTEGER REFERENCES office(id),
  place TEXT
) STRICT;

CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  name TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  UNIQUE (office_id, name)
) STRICT;

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  unit_id INTEGER REFERENCES unit(id),
  name TEXT NOT NULL,
  nip TEXT,
  position TEXT,
  valid_from TEXT,
  valid_to TEXT,
  source TEXT,
  line INTEGER
) STRICT;

-- Nomenclature of programs, activities, KRO and RO per fiscal year (domain.md §5.2): codes are reused
-- with other names across years.
CREATE TABLE budget_code (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  code TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('program', 'activity', 'kro', 'ro')),
  name TEXT NOT NULL,
  UNIQUE (year, code)
) STRICT;

CREATE TABLE renstra (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  period_start INTEGER NOT NULL,
  period_end INTEGER NOT NULL,
  vision TEXT,
  decree TEXT,
  decree_date TEXT,
  place TEXT,
  source TEXT
) STRICT;

-- Missions, goals, strategic objectives, programs and activities of a Renstra, as a tree.
CREATE TABLE renstra_item (
  id INTEGER PRIMARY KEY,
  renstra_id INTEGER NOT NULL REFERENCES renstra(id),
  parent_id INTEGER REFERENCES renstra_item(id),
  kind TEXT NOT NULL CHECK (kind IN ('mission', 'goal', 'objective', 'program', 'activity')),
  number TEXT,
  text TEXT NOT NULL,
  line INTEGER
) STRICT;

-- Objectives (sasaran) that indicators are measured under; KPU regency offices name them by activity.
CREATE TABLE objective (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  renstra_item_id INTEGER REFERENCES renstra_item(id),
  number TEXT,
  code TEXT,
  name TEXT NOT NULL,
  source TEXT,
  line INTEGER
) STRICT;

CREATE TABLE indicator (
  id INTEGER PRIMARY KEY,
  objective_id INTEGER NOT NULL REFERENCES objective(id),
  number INTEGER NOT NULL,
  statement TEXT NOT NULL,
  level TEXT NOT NULL DEFAULT 'activity' CHECK (level IN ('strategic', 'program', 'activity')),
  unit TEXT,
  polarity TEXT NOT NULL DEFAULT 'higher-is-better'
    CHECK (polarity IN ('higher-is-better', 'lower-is-better', 'stable-range')),
  lower_formula TEXT NOT NULL DEFAULT 'lan' CHECK (lower_formula IN ('lan', 'inverse')),
  period_rule TEXT NOT NULL DEFAULT 'posisi' CHECK (period_rule IN ('kumulatif', 'posisi', 'rata-rata', 'maks', 'min')),
  zero_target TEXT NOT NULL DEFAULT 'not-computable' CHECK (zero_target IN ('not-computable', 'achieved-when-zero')),
  ordinal_rule TEXT NOT NULL DEFAULT 'achieved-or-not' CHECK (ordinal_rule IN ('achieved-or-not', 'tier-ratio')),
  weight TEXT NOT NULL DEFAULT '1',
  calculation TEXT,
  data_source TEXT,
  owner_unit_id INTEGER REFERENCES unit(id),
  source TEXT,
  line INTEGER
) STRICT;

-- Yearly targets, and the end-of-Renstra target (kind 'renstra-end').
CREATE TABLE indicator_target (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'year' CHECK (kind IN ('year', 'renstra-end')),
  target_text TEXT NOT NULL,
  value TEXT,
  unit TEXT,
  numerator TEXT,
  denominator TEXT,
  source TEXT,
  line INTEGER,
  UNIQUE (indicator_id, year, kind)
) STRICT;

-- Monthly actuals. A yearly figure from a report is stored as December's entry, with its source.
CREATE TABLE actual (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id),
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  value_text TEXT NOT NULL,
  value TEXT,
  note TEXT,
  author TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  reported_achievement TEXT,
  source TEXT,
  line INTEGER,
  UNIQUE (indicator_id, year, month)
) STRICT;

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  actual_id INTEGER NOT NULL REFERENCES actual(id),
  filename TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
) STRICT;

-- Budget ceiling of an activity in a year, as one source gives it; spending per month below.
CREATE TABLE budget_line (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  objective_id INTEGER REFERENCES objective(id),
  year INTEGER NOT NULL,
  code TEXT,
  name TEXT NOT NULL,
  ceiling_text TEXT NOT NULL,
  ceiling INTEGER,
  reported_percent TEXT,
  source TEXT,
  line INTEGER
) STRICT;

CREATE TABLE budget_spending (
  id INTEGER PRIMARY KEY,
  budget_line_id INTEGER NOT NULL REFERENCES budget_line(id),
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  amount_text TEXT NOT NULL,
  amount INTEGER,
  note TEXT,
  author TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (budget_line_id, month)
) STRICT;

-- RKT (annual performance plan), in either seed layout.
CREATE TABLE plan (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  year INTEGER NOT NULL,
  title TEXT,
  unit_name TEXT,
  layout TEXT NOT NULL,
  place TEXT,
  date_text TEXT,
  date TEXT,
  signer_name TEXT,
  signer_position TEXT,
  source TEXT,
  line INTEGER
) STRICT;

CREATE TABLE plan_row (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id),
  number TEXT,
  program TEXT,
  objective TEXT,
  code TEXT,
  indicator_id INTEGER REFERENCES indicator(id),
  indicator_text TEXT NOT NULL,
  target_text TEXT,
  activity TEXT,
  budget_text TEXT,
  budget INTEGER,
  executor TEXT,
  line INTEGER
) STRICT;

-- PK: one agreement per office or sub-unit and year; its versions are the original and each revision.
-- A sub-unit agreement points to the office agreement it serves.
CREATE TABLE agreement (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  unit_id INTEGER REFERENCES unit(id),
  year INTEGER NOT NULL,
  parent_agreement_id INTEGER REFERENCES agreement(id),
  kind TEXT NOT NULL DEFAULT 'signed' CHECK (kind IN ('signed', 'cited'))
) STRICT;

CREATE TABLE agreement_version (
  id INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreement(id),
  version_no INTEGER NOT NULL,
  reason_code TEXT CHECK (reason_code IN ('a', 'b', 'c')),
  reason TEXT,
  title TEXT,
  place TEXT,
  date_text TEXT,
  date TEXT,
  first_party_name TEXT,
  first_party_position TEXT,
  first_party_nip TEXT,
  second_party_name TEXT,
  second_party_position TEXT,
  second_party_nip TEXT,
  budget_kind TEXT CHECK (budget_kind IN ('program', 'kro')),
  total_text TEXT,
  total INTEGER,
  source TEXT,
  line INTEGER,
  UNIQUE (agreement_id, version_no)
) STRICT;

CREATE TABLE agreement_item (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES agreement_version(id),
  number TEXT,
  objective_text TEXT,
  code TEXT,
  indicator_id INTEGER REFERENCES indicator(id),
  indicator_text TEXT NOT NULL,
  target_text TEXT,
  parent_item_id INTEGER REFERENCES agreement_item(id),
  line INTEGER
) STRICT;

CREATE TABLE agreement_budget (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES agreement_version(id),
  number TEXT,
  code TEXT,
  name TEXT NOT NULL,
  amount_text TEXT NOT NULL,
  amount INTEGER,
  line INTEGER
) STRICT;

-- Rencana Aksi: activities per indicator with months B1–B12, cost and executor.
CREATE TABLE action_plan (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  year INTEGER NOT NULL,
  year_text TEXT,
  unit_name TEXT,
  place TEXT,
  date_text TEXT,
  date TEXT,
  signer_name TEXT,
  signer_position TEXT,
  source TEXT
) STRICT;

CREATE TABLE action_objective (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES action_plan(id),
  number TEXT,
  code TEXT,
  name TEXT NOT NULL,
  cost_text TEXT,
  cost INTEGER,
  line INTEGER
) STRICT;

-- months: bit i-1 set = month i planned; NULL when the source lost which months were ticked.
CREATE TABLE action_item (
  id INTEGER PRIMARY KEY,
  action_objective_id INTEGER NOT NULL REFERENCES action_objective(id),
  indicator_id INTEGER REFERENCES indicator(id),
  indicator_text TEXT NOT NULL,
  target_text TEXT,
  activity TEXT,
  months INTEGER,
  month_ticks INTEGER,
  executor TEXT,
  line INTEGER
) STRICT;

CREATE TABLE action_month_target (
  id INTEGER PRIMARY KEY,
  action_item_id INTEGER NOT NULL REFERENCES action_item(id),
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  target_text TEXT NOT NULL,
  UNIQUE (action_item_id, month)
) STRICT;

CREATE TABLE obstacle (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  year INTEGER NOT NULL,
  number TEXT,
  aspect TEXT,
  obstacle TEXT NOT NULL,
  remark TEXT,
  remedy TEXT,
  line INTEGER
) STRICT;

CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'planner', 'head', 'operator', 'viewer')),
  office_id INTEGER REFERENCES office(id),
  unit_id INTEGER REFERENCES unit(id),
  created_at TEXT NOT NULL
) STRICT;

-- Every change: who, when, what before, what after (JSON).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  before TEXT,
  after TEXT
) STRICT;

CREATE INDEX indicator_objective ON indicator(objective_id);
CREATE INDEX objective_office ON objective(office_id);
CREATE INDEX actual_indicator_year ON actual(indicator_id, year);
CREATE INDEX budget_line_office_year ON budget_line(office_id, year);
CREATE INDEX agreement_office_year ON agreement(office_id, year);
