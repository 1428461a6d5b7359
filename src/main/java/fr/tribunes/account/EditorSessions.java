package fr.tribunes.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Every editor's sessions, so that they can be counted (a few each, see {@code SecurityConfiguration}) and ended: a
 * password changed, an editor disabled. The sessions are Spring Session's, in the database (V14), so that any
 * instance serves them and ends them: this registry asks the database for an editor's sessions by username, and
 * ends one by marking it in the database, which the instance it next reaches reads. Apart from the web security
 * configuration, which exists only with a web server, because the controllers that end sessions are created in
 * every context, the commands' included: there, without a web server, there are no sessions to find.
 */
@Configuration(proxyBeanMethods = false)
class EditorSessions {

    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        return repository == null ? new SessionRegistryImpl() : registry(repository);
    }

    private static <S extends Session> SessionRegistry registry(FindByIndexNameSessionRepository<S> repository) {
        return new SpringSessionBackedSessionRegistry<>(repository);
    }
}
