package fr.tribunes.facet;

import fr.tribunes.pagecache.ArchiveVersion;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The services every facet directory (authors, themes, organisations) is built with. */
@Configuration(proxyBeanMethods = false)
class FacetConfiguration {

    @Bean
    FacetDirectory.FacetServices facetServices(
            FormerSlugs formerSlugs, ArchiveVersion version, ApplicationEventPublisher events, Clock clock) {
        return new FacetDirectory.FacetServices(formerSlugs, version, events, clock);
    }
}
