-- What a page costs to render must not grow with the archive (issue 15, docs/adr/0001-bounded-rendering.md).
--
-- article_listing: every published op-ed once in each list it appears in, with the lists' sort key, so that a
-- theme's, an author's, an organisation's or a year's page (and the whole archive's: kind ALL, facet 0) is read
-- from one index in its own order: the 20 rows of page 500 are found after skipping 10,000 index entries of that
-- list only, never by sorting or counting the list. Drafts have no rows. Kept by the application
-- (fr.tribunes.article.ArticleListings) in the same transaction as every write of an op-ed.
create table article_listing (
    facet_kind   varchar(12) not null,
    facet_id     bigint      not null,
    article_id   bigint      not null,
    published_on date        not null,
    constraint article_listing_pk primary key (facet_kind, facet_id, article_id),
    constraint article_listing_article_fk foreign key (article_id) references article (id) on delete cascade,
    constraint article_listing_kind_check check (facet_kind in ('ALL', 'YEAR', 'TOPIC', 'AUTHOR', 'ORGANISATION'))
);

create index article_listing_order_idx on article_listing (facet_kind, facet_id, published_on desc, article_id desc);
create index article_listing_article_idx on article_listing (article_id, facet_kind, facet_id);

-- How many published op-eds each list holds, and when the list last changed (an op-ed in it written, added or
-- taken out): the counts pages print and the dates sitemaps give, kept rather than counted at each render.
create table facet_count (
    facet_kind  varchar(12) not null,
    facet_id    bigint      not null,
    articles    bigint      not null,
    last_change timestamp with time zone not null,
    constraint facet_count_pk primary key (facet_kind, facet_id),
    constraint facet_count_kind_check check (facet_kind in ('ALL', 'YEAR', 'TOPIC', 'AUTHOR', 'ORGANISATION'))
);

create index facet_count_most_idx on facet_count (facet_kind, articles desc, facet_id);

-- The archive's change stamp gains a number moved by one at every change: two edits within the same second give
-- two stamps, so no page kept under the first is served after the second.
alter table archive_change add column version bigint default 0 not null;

insert into article_listing (facet_kind, facet_id, article_id, published_on)
select 'ALL', 0, a.id, a.published_on from article a where a.status = 'PUBLISHED';

insert into article_listing (facet_kind, facet_id, article_id, published_on)
select 'YEAR', cast(extract(year from a.published_on) as bigint), a.id, a.published_on from article a where a.status = 'PUBLISHED';

insert into article_listing (facet_kind, facet_id, article_id, published_on)
select 'TOPIC', t.topic_id, a.id, a.published_on
from article_topic t join article a on a.id = t.article_id where a.status = 'PUBLISHED';

insert into article_listing (facet_kind, facet_id, article_id, published_on)
select 'AUTHOR', s.author_id, a.id, a.published_on
from article_author s join article a on a.id = s.article_id where a.status = 'PUBLISHED';

insert into article_listing (facet_kind, facet_id, article_id, published_on)
select 'ORGANISATION', m.organisation_id, a.id, a.published_on
from article_organisation m join article a on a.id = m.article_id where a.status = 'PUBLISHED';

insert into facet_count (facet_kind, facet_id, articles, last_change)
select l.facet_kind, l.facet_id, count(*), max(a.updated_at)
from article_listing l join article a on a.id = l.article_id
group by l.facet_kind, l.facet_id;
