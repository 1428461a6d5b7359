package fr.tribunes.author;

import fr.tribunes.facet.FacetRepository;

interface AuthorRepository extends FacetRepository<Author> {}
