package fr.tribunes.account;

import fr.tribunes.PooledPostgresConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The same sign-in throttle tests on a real PostgreSQL, through the same migrations: its row locks, as two instances
 * sharing one database meet them.
 */
@Import(PooledPostgresConfiguration.class)
class SignInThrottlePostgresTests extends SignInThrottleTests {}
