package fr.tribunes.organisation.internal;

import fr.tribunes.facet.FacetRepository;

public interface OrganisationRepository extends FacetRepository<Organisation> {}
