package fr.tribunes.author;

import fr.tribunes.author.internal.Author;
import fr.tribunes.author.internal.AuthorRepository;
import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.facet.FormerSlugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up authors for the other features. */
@Service
public class Authors extends FacetDirectory<Author, AuthorRef> {

    /** The longest family name or given names kept (the database's column). */
    public static final int MAX_NAME_PART = 200;

    Authors(AuthorRepository repository, FacetServices services) {
        super(repository, Author::toRef, Author::new, FormerSlugs.Kind.AUTHOR, services);
    }

    /**
     * Sets an author's family name and given names, as editors enter them (blank is none); citations then write
     * « Vrangos, Théodore Michel ». Nothing is split by guesswork.
     *
     * @throws IllegalArgumentException with given names but no family name, or a part too long
     */
    @Transactional
    public AuthorRef nameParts(long id, String familyName, String givenNames) {
        String family = blankToNull(familyName);
        String given = blankToNull(givenNames);
        if (family == null && given != null) {
            throw new IllegalArgumentException("Given names without a family name");
        }
        if ((family != null && family.length() > MAX_NAME_PART) || (given != null && given.length() > MAX_NAME_PART)) {
            throw new IllegalArgumentException("Name part too long");
        }
        AuthorRef current = findById(id).orElseThrow(() -> new IllegalArgumentException("No author " + id));
        if (java.util.Objects.equals(current.familyName(), family)
                && java.util.Objects.equals(current.givenNames(), given)) {
            // Unchanged (a form saved for its description, an import of the same file): nothing to redo.
            return current;
        }
        return change(id, author -> author.nameParts(family, given));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
