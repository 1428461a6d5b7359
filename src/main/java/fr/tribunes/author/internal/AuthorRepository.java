package fr.tribunes.author.internal;

import fr.tribunes.facet.FacetRepository;

public interface AuthorRepository extends FacetRepository<Author> {}
