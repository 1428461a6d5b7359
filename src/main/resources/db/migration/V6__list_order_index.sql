-- Lists show the newest op-eds first (published_on desc, then id desc): with this index the database reads them
-- in that order and stops after the page, instead of sorting every op-ed of the archive for each list.
create index article_newest_idx on article (published_on desc, id desc);
