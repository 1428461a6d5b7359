package fr.tribunes.comment;

import fr.tribunes.EmbeddedPostgresConfiguration;
import org.springframework.context.annotation.Import;

/** The same comment repository tests on a real PostgreSQL, through the same migrations. */
@Import(EmbeddedPostgresConfiguration.class)
class CommentRepositoryPostgresTests extends CommentRepositoryTests {}
