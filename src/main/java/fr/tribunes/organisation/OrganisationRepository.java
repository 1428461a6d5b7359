package fr.tribunes.organisation;

import fr.tribunes.facet.FacetRepository;

interface OrganisationRepository extends FacetRepository<Organisation> {}
