package fr.tribunes.article;

/**
 * Who holds the rights to an op-ed and on what footing the archive reproduces it, as editors entered them: nothing
 * is assumed when they did not. The seed op-ed's: its author and its original publisher, all rights reserved,
 * reproduced as an archive with its source.
 *
 * @param holder who holds the rights, as editors name them ("Théodore Michel Vrangos et La Revue du Digital"), or
 *     null when not known
 * @param basis on what footing the archive reproduces the text, or null when not said
 * @param license the address of the licence the text is published under, only with {@link Basis#LICENSE}, else null
 */
public record Rights(String holder, Basis basis, String license) {

    /** Nothing said about the rights. */
    public static final Rights UNKNOWN = new Rights(null, null, null);

    /** On what footing the archive reproduces a text. */
    public enum Basis {
        /** All rights reserved by their holders; reproduced as an archive, with its source. */
        ARCHIVE("archive", "Tous droits réservés\u202F; reproduit à titre d’archive, avec sa source."),
        /** Reproduced with the rights holders' permission. */
        PERMISSION("permission", "Tous droits réservés\u202F; reproduit avec l’autorisation des ayants droit."),
        /** Published by its holders under an open licence, reproduced under it. */
        LICENSE("license", "Reproduit selon les termes de sa licence.");

        private final String key;

        private final String statement;

        Basis(String key, String statement) {
            this.key = key;
            this.statement = statement;
        }

        /** Its name in files and exports ({@code archive}, {@code permission}, {@code license}). */
        public String key() {
            return key;
        }

        /** What it means, in French, as the provenance box and Dublin Core's {@code rights} say it. */
        public String statement() {
            return statement;
        }

        /** The basis a file or a form names, or null when the name is none of them. */
        public static Basis of(String key) {
            for (Basis basis : values()) {
                if (basis.key.equals(key)) {
                    return basis;
                }
            }
            return null;
        }
    }

    /** Whether editors said anything about the rights. */
    public boolean known() {
        return holder != null || basis != null;
    }

    /**
     * The rights in one French sentence, as Dublin Core's {@code rights}, OAI-PMH and the dataset give them:
     * « © Théodore Michel Vrangos et La Revue du Digital. Tous droits réservés ; reproduit à titre d’archive, avec
     * sa source. », with the licence's address when there is one; null when nothing is known.
     */
    public String statement() {
        if (!known()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        if (holder != null) {
            text.append("© ").append(holder).append('.');
        }
        if (basis != null) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(basis.statement());
        }
        if (license != null) {
            text.append(" Licence\u202F: ").append(license);
        }
        return text.toString();
    }
}
