package fr.tribunes.harvest;

import fr.tribunes.EmbeddedPostgresConfiguration;
import org.springframework.context.annotation.Import;

/** OAI-PMH on a real PostgreSQL: the harvest's queries (keyset pages by date of change) through the same tests. */
@Import(EmbeddedPostgresConfiguration.class)
class PostgresOaiPmhTests extends OaiPmhTests {}
