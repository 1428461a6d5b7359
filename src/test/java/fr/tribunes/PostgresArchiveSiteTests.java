package fr.tribunes;

import org.springframework.context.annotation.Import;

/** The site on a real PostgreSQL, through the same migrations. */
@Import(EmbeddedPostgresConfiguration.class)
class PostgresArchiveSiteTests extends ArchiveSiteTests {}
