package fr.tribunes.system;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The few shared parts every feature may ask for. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** The time, injected so that tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FacetDirectory.FacetServices facetServices(
            FormerSlugs formerSlugs, ArchiveVersion version, ApplicationEventPublisher events, Clock clock) {
        return new FacetDirectory.FacetServices(formerSlugs, version, events, clock);
    }
}
