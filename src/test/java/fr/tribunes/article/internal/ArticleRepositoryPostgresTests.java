package fr.tribunes.article.internal;

import fr.tribunes.EmbeddedPostgresConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/** The same repository tests on a real PostgreSQL, through the same migrations. */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(EmbeddedPostgresConfiguration.class)
class ArticleRepositoryPostgresTests extends ArticleRepositoryTests {}
