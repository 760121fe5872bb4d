-- Results of the accountability evaluation (LKE) as documents report them: a score and the predicate
-- they print beside it. `reported_year` is the year of the document that says so (the LKj 2024 cites
-- the 2023 result), so the checks of that year can compare the predicate with the score.
CREATE TABLE evaluation (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  year INTEGER NOT NULL,
  reported_year INTEGER NOT NULL,
  score_text TEXT NOT NULL,
  score TEXT,
  predicate TEXT,
  template TEXT NOT NULL DEFAULT 'lke-88-2021',
  source TEXT,
  line INTEGER
) STRICT;
