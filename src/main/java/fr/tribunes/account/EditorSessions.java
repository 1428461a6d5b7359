package fr.tribunes.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;

/**
 * Every editor's sessions, so that they can be counted (a few each, see {@code SecurityConfiguration}) and ended: a
 * password changed, an editor disabled. Apart from the web security configuration, which exists only with a web
 * server, because the controllers that end sessions are created in every context, the commands' included.
 */
@Configuration(proxyBeanMethods = false)
class EditorSessions {

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }
}
