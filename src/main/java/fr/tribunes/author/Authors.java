package fr.tribunes.author;

import fr.tribunes.author.internal.Author;
import fr.tribunes.author.internal.AuthorRepository;
import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.facet.FormerSlugs;
import org.springframework.stereotype.Service;

/** Looks up authors for the other features. */
@Service
public class Authors extends FacetDirectory<Author, AuthorRef> {

    Authors(AuthorRepository repository, FacetServices services) {
        super(repository, Author::toRef, Author::new, FormerSlugs.Kind.AUTHOR, services);
    }
}
