package fr.tribunes.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface OrganisationRepository extends Repository<Organisation, Long> {

    Optional<Organisation> findBySlug(String slug);

    List<Organisation> findByIdIn(Collection<Long> ids);

    List<Organisation> findAllByOrderBySlug();
}
