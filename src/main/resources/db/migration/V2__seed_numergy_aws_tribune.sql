-- Seeds the archive's first op-ed, from seeds/000_bb788d72f0dce2da.txt (generated from that file:
-- every block is the published text, byte for byte; the fidelity test checks it).
-- First published by La Revue du Digital; the exact day is unknown (see date_note).

insert into author (slug, name) values ('theodore-michel-vrangos', 'Théodore Michel Vrangos');

insert into organisation (slug, name) values
    ('numergy', 'Numergy'),
    ('cloudwatt', 'Cloudwatt'),
    ('amazon-web-services', 'Amazon Web Services'),
    ('amazon', 'Amazon'),
    ('dassault-systemes', 'Dassault Systèmes'),
    ('orange', 'Orange'),
    ('thales', 'Thales'),
    ('sfr', 'SFR'),
    ('bull', 'Bull'),
    ('atos', 'Atos'),
    ('airbus-defense', 'Airbus Défense'),
    ('ovh', 'OVH'),
    ('ikoula', 'Ikoula'),
    ('linkbynet', 'Linkbynet'),
    ('i-tracing', 'I-Tracing'),
    ('les-echos', 'Les Echos');

insert into topic (slug, name) values
    ('cloud-souverain', 'cloud souverain'),
    ('cybersecurite', 'cybersécurité'),
    ('cyberdefense', 'cyberdéfense'),
    ('politique-industrielle', 'politique industrielle'),
    ('financement-public', 'financement public'),
    ('pme', 'PME'),
    ('cloud-computing', 'cloud computing');

insert into article (slug, title, standfirst, published_on, date_precision, date_approximate, date_note,
                     original_publisher, original_url, added_at)
values ('letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance',
        'L’état doit apprendre de ses erreurs : Numergy en procédure de sauvegarde, Amazon Web Services en forte croissance',
        'L’état ne doit pas reproduire avec son plan de Cyberdéfense les erreurs qu’il a commises en finançant les « gros » du Cloud Computing. Il ne faut pas financer toujours les mêmes, c’est à dire Thales, Airbus Défense, Orange ou AtosBull. Il faut financer les PME de la sécurité. C’est ce que réclame dans cette tribune, Théodore Michel Vrangos, Président et cofondateur d’I-Tracing. ',
        date '2015-10-01', 'MONTH', true,
        'Le jour exact de publication n’est pas connu. Le texte cite « les Echos du 22/10/15 » et les résultats du troisième trimestre 2015 d’Amazon Web Services : il a été écrit après le 22 octobre 2015.',
        'La Revue du Digital',
        'https://www.larevuedudigital.com/letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance/',
        current_timestamp);

insert into article_author (article_id, position, author_id, role, organisation_id, credit)
values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 1,
        (select id from author where slug = 'theodore-michel-vrangos'),
        'Président et cofondateur',
        (select id from organisation where slug = 'i-tracing'),
        'Président et cofondateur d’I-Tracing');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 1, 'PARAGRAPH',
    'La lecture dans la presse de la nouvelle du placement de Numergy, le fournisseur de Cloud souverain français, en procédure de sauvegarde m’a attristé, mais pas surpris.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 2, 'HEADING',
    '150 millions d’euros');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 3, 'PARAGRAPH',
    'Souvenez-vous, il y a trois ans, l’Etat, avec une contribution annoncée de 150 millions d’euros, décide de doter la France de services nationaux de Cloud public. A l’époque Dassault Systèmes bien avancé sur le sujet et en tant que chef de file de plusieurs acteurs, propose de créer ce Cloud.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 4, 'PARAGRAPH',
    'Comme souvent quand il y de de l’argent public, d’autres acteurs se positionnent et au final, après discussions et hésitations, deux consortiums émergent, l’un Cloudwatt autour d’Orange et Thales, l’autre Numergy autour de SFR et Bull. Chacun est censé empocher 75 millions d’euros de l’Etat.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 5, 'HEADING',
    'Dassault tire son épingle du jeu');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 6, 'PARAGRAPH',
    'Pour sa part Dassault Systèmes, acteur moteur au début, devant cette politique de saupoudrage, laisse tomber et se débrouille seul. Sage décision d’ailleurs, car aujourd’hui Dassault Systèmes, que nous connaissons bien dans nos métiers sécurité IT, est celui des protagonistes de l’époque qui a sûrement le mieux tiré du jeu son ‘’épingle commerciale’’.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 7, 'PARAGRAPH',
    'Aujourd’hui Cloudwatt n’existe plus ; c’est devenu Orange…. Et Numergy, selon les Echos du 22/10/15, ne sait pas comment payer les salaires de ses 72 collaborateurs alors qu’en 2014, le chiffre d’affaires de l’entreprise atteignait 2 millions d’euros… Et pourtant il y a des talents chez Numergy.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 8, 'HEADING',
    'Amazon en flèche');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 9, 'PARAGRAPH',
    'Au même moment, dans exactement le même métier, Amazon Web Services (AWS), la filiale Cloud et hébergement des données d’Amazon, explose d’activité. A l’issue du 3ème trimestre 2015, elle représente 52% des profits du groupe Amazon, au niveau record de 521 millions $ de profits (vous avez bien lu, bénéfices et non chiffre d’affaires !). Car le marché du Cloud est désormais en pleine expansion.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 10, 'PARAGRAPH',
    'Construite petit à petit pour répondre et porter ses propres activités de e-commerce (devenues dorénavant minoritaires face aux services de Cloud), l’offre AWS s’est imposée par le bon sens, par les opportunités business, par le dynamisme commercial et par l’innovation et la prise de risque technique.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 11, 'PARAGRAPH',
    'A l’instar d’AWS, il y a en France de belles réussites dans le même domaine, telles qu’OVH, Ikoula ou Linkbynet. Là aussi, ce sont des entrepreneurs privés, voire familiaux, avec peu de moyens et encore moins de connexions politico-étatiques, qui ont construit à partir de rien des offres business pertinentes et des infrastructures performantes.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 12, 'HEADING',
    'Argent facile');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 13, 'PARAGRAPH',
    'Doit-on penser que l’argent facile déversé dans des groupes-mastodontes, même sur des métiers et secteurs de pointe en forte croissance n’est pas gage de réussite ? Probablement. Mais ce n’est pas tout, car lancer une activité B2B complexe n’est pas si simple. Il faut être très terrain, très proche des besoins concrets et détaillés des entreprises pour les capter et développer des offres Cloud.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 14, 'PARAGRAPH',
    'Attaquer ‘’en haut’’, vouloir signer de gros deals tout de suite n’était pas, et n’est toujours pas, bien adapté au développement du Cloud souverain et sécurisé. Puis, il faut faire moins de politique mais parler et mettre en œuvre des technos IP et des services Cloud  : haute-disponibilité, annuaire, authentification, IPv6, sécurité, SOC, traçabilité des accès des comptes à pouvoir, chiffrement des données privées, maîtrise des clés, réversibilité, provisionning, billing, clusters, portabilité, etc.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 15, 'HEADING',
    'La décision chez les CTO, CDO et CIO');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 16, 'PARAGRAPH',
    'C’est un discours commercial solide et argumenté. La décision de choix appartient aujourd’hui plus aux CTO, CDO (D comme digital), CIO, qu’aux P-DG.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 17, 'PARAGRAPH',
    'Cette histoire pousse aussi à un parallèle inévitable avec ce que nous vivons aujourd’hui dans la cybersécurité et les annonces, certes bienvenues, autour de la définition d’un plan stratégique pour la cyberdéfense de la France.');

insert into article_block (article_id, position, kind, body) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), 18, 'PARAGRAPH',
    'Il ne faut pas que l’Etat dans ce domaine de la cyberdéfense s’acharne à faire grandir encore et toujours les mêmes (déjà) grands (Thales, Airbus Défense, Orange, AtosBull,…), en oubliant les PME françaises de la sécurité, les pure-players qui ne souhaitent rien d’autre qu’être sur un pied d’égalité !');

insert into article_topic (article_id, topic_id) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from topic where slug = 'cloud-souverain'));

insert into article_topic (article_id, topic_id) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from topic where slug = 'cybersecurite'));

insert into article_topic (article_id, topic_id) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from topic where slug = 'cyberdefense'));

insert into article_topic (article_id, topic_id) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from topic where slug = 'politique-industrielle'));

insert into article_topic (article_id, topic_id) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from topic where slug = 'financement-public'));

insert into article_topic (article_id, topic_id) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from topic where slug = 'pme'));

insert into article_topic (article_id, topic_id) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from topic where slug = 'cloud-computing'));

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'numergy'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'cloudwatt'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'amazon-web-services'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'amazon'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'dassault-systemes'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'orange'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'thales'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'sfr'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'bull'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'atos'), 'AtosBull');

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'airbus-defense'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'ovh'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'ikoula'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'linkbynet'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'i-tracing'), null);

insert into article_organisation (article_id, organisation_id, written_as) values ((select id from article where slug = 'letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance'), (select id from organisation where slug = 'les-echos'), null);
