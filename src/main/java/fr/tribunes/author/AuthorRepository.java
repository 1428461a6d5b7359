package fr.tribunes.author;

import fr.tribunes.system.FacetRepository;

interface AuthorRepository extends FacetRepository<Author> {}
