-- Where a plan's signature date and an action plan's "Tahun Anggaran" stand in their document, so a
-- finding about them (a date in another year, a fiscal year that is not the plan's) names its line.
ALTER TABLE plan ADD COLUMN date_line INTEGER;
ALTER TABLE action_plan ADD COLUMN date_line INTEGER;
ALTER TABLE action_plan ADD COLUMN year_line INTEGER;
