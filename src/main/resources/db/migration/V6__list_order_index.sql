-- Lists show the newest op-eds first (published_on desc, then id desc): with this index the database reads them
-- in that order and stops after the page, instead of sorting every op-ed of the archive for each list.
create index article_newest_idx on article (published_on desc, id desc);

-- Nearly every op-ed is published, so an index on the status selects nothing, but H2 preferred it to the one
-- above and sorted the whole archive for each list (measured at 100,000 op-eds: every row read for ten).
drop index article_status_idx;
