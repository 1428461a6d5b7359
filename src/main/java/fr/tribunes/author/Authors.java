package fr.tribunes.author;

import fr.tribunes.system.FacetDirectory;
import org.springframework.stereotype.Service;

/** Looks up authors for the other features. */
@Service
public class Authors extends FacetDirectory<Author, AuthorRef> {

    Authors(AuthorRepository repository) {
        super(repository, Author::toRef);
    }
}
