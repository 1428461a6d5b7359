package fr.tribunes.organisation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up organisations for the other features. */
@Service
@Transactional(readOnly = true)
public class Organisations {

    private final OrganisationRepository organisations;

    Organisations(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    /** The organisations with these keys, in alphabetical order (by slug, which ignores accents and case). */
    public List<OrganisationRef> findAllByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return organisations.findByIdIn(ids).stream()
                .map(Organisation::toRef)
                .sorted(Comparator.comparing(OrganisationRef::slug))
                .toList();
    }

    public Optional<OrganisationRef> findBySlug(String slug) {
        return organisations.findBySlug(slug).map(Organisation::toRef);
    }

    public List<OrganisationRef> findAll() {
        return organisations.findAllByOrderBySlug().stream()
                .map(Organisation::toRef)
                .toList();
    }
}
