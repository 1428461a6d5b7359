-- Who holds the rights to each op-ed, and on what footing the archive reproduces it (article.Rights), as editors
-- enter them. Nothing is assumed for an op-ed whose rights editors have not entered: the columns stay empty and
-- pages say so. rights_license is the address of the licence, only when the footing is LICENSE.
alter table article add column rights_holder varchar(500);
alter table article add column rights_basis varchar(10);
alter table article add column rights_license varchar(2000);
alter table article add constraint article_rights_basis_check
    check (rights_basis in ('ARCHIVE', 'PERMISSION', 'LICENSE'));

-- The seed op-ed: its author and La Revue du Digital, which first published it, hold the rights; nothing says the
-- text was released under a licence, so all rights are reserved, and the archive reproduces it as an archive,
-- with its source.
update article
set rights_holder = 'Théodore Michel Vrangos et La Revue du Digital', rights_basis = 'ARCHIVE'
where original_url = 'https://www.larevuedudigital.com/letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance/';

-- Harvesters (OAI-PMH) ask for what changed between two dates, in that order, a page at a time from where the last
-- page ended: one index answers it at any size.
create index article_updated_at_idx on article (updated_at, id);
