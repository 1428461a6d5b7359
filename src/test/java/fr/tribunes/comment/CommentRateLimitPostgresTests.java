package fr.tribunes.comment;

import fr.tribunes.PooledPostgresConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The same rate limit tests on a real PostgreSQL, through the same migrations: its row locks, as two instances
 * sharing one database meet them.
 */
@Import(PooledPostgresConfiguration.class)
class CommentRateLimitPostgresTests extends CommentRateLimitTests {}
