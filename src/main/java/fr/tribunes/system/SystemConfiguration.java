package fr.tribunes.system;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The few shared parts every feature may ask for. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    @Bean
    FacetDirectory.FacetServices facetServices(
            FormerSlugs formerSlugs, ArchiveVersion version, ApplicationEventPublisher events, Clock clock) {
        return new FacetDirectory.FacetServices(formerSlugs, version, events, clock);
    }
}
