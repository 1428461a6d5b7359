package fr.tribunes.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * The 1-based page a visitor asked for with {@code ?page=}. Anything but a positive whole number is refused
 * with a reason in French, so a typo never turns into a server error.
 *
 * @param number the page, counted from 1
 */
public record PageNumber(int number) {

    public static final PageNumber FIRST = new PageNumber(1);

    public PageNumber {
        if (number < 1) {
            throw new BadRequestException("Les pages sont numérotées à partir de 1.");
        }
    }

    /** Reads the raw query parameter; absent or blank means the first page. */
    public static PageNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return FIRST;
        }
        String digits = raw.strip();
        if (!digits.matches("-?[0-9]{1,9}")) {
            throw new BadRequestException(
                    "« %s » n’est pas un numéro de page : indiquez un nombre entier à partir de 1.".formatted(raw));
        }
        return new PageNumber(Integer.parseInt(digits));
    }

    /**
     * The deepest a list is read: ten million items, beyond any archive's list, and within what a database offset
     * and a search's window can hold (a nine-digit page times the page size can not).
     */
    static final long DEEPEST = 10_000_000;

    /** This page of {@code size} items; a page deeper than {@link #DEEPEST} lies past the end of any list. */
    public Pageable pageable(int size) {
        if ((long) (number - 1) * size > DEEPEST) {
            throw new BadRequestException(
                    "La page %d n’existe pas : aucune liste de l’archive n’est aussi longue.".formatted(number));
        }
        return PageRequest.of(number - 1, size);
    }
}
