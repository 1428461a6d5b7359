package fr.tribunes.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are hashed: needed by the web server and by the commands alike (the first editor). */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    /** Hashes with bcrypt, and recognises any hash Spring Security knows by its "{id}" prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
