package fr.tribunes.organisation;

import fr.tribunes.system.FacetRepository;

interface OrganisationRepository extends FacetRepository<Organisation> {}
