-- The format each revision's snapshot is written in (article.RevisionFormat). Every revision written so far is in
-- format 1, the exchange format of article.ArticleFile as it was when this migration was written; a later change
-- of that format gives new revisions a new number, and format 1 stays readable, so that every revision ever
-- written can still be compared and restored.
alter table article_revision add column snapshot_format integer default 1 not null;
