-- What kind of periodical an original publisher is, as editors say: a magazine or a newspaper. Citation formats
-- have a type for each (BibLaTeX's entrysubtype, RIS's MGZN and NEWS, CSL's article-magazine and
-- article-newspaper). A publisher not listed here is cited as a newspaper, as before.
create table publisher (
    name varchar(300) not null primary key,
    kind varchar(20)  not null,
    constraint publisher_kind check (kind in ('MAGAZINE', 'NEWSPAPER'))
);

-- La Revue du Digital, the seed op-ed's publisher, is an online magazine (« revue »).
insert into publisher (name, kind) values ('La Revue du Digital', 'MAGAZINE');
