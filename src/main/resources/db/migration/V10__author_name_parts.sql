-- An author's family name and given names, as editors enter them, so that citations sort and print
-- « Vrangos, Théodore Michel » rather than guess where a name splits. Null when no editor said: then the whole
-- name is used, as before.
alter table author add column family_name varchar(200);
alter table author add column given_names varchar(200);

-- The seed op-ed's author, as he signs: given names « Théodore Michel », family name « Vrangos ».
update author set family_name = 'Vrangos', given_names = 'Théodore Michel'
 where slug = 'theodore-michel-vrangos' and name = 'Théodore Michel Vrangos';
