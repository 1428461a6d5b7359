package fr.tribunes.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A date is shown no more precisely than it is known. */
class PublicationDateTests {

    @Test
    void aMonthIsShownWithoutADay() {
        PublicationDate date = new PublicationDate(LocalDate.of(2015, 10, 1), DatePrecision.MONTH, true);

        assertThat(date.label()).isEqualTo("octobre 2015");
        assertThat(date.iso()).isEqualTo("2015-10");
    }

    @Test
    void aYearIsShownAlone() {
        PublicationDate date = new PublicationDate(LocalDate.of(2015, 1, 1), DatePrecision.YEAR, false);

        assertThat(date.label()).isEqualTo("2015");
        assertThat(date.iso()).isEqualTo("2015");
    }

    @Test
    void aDayIsShownInFrenchWithTheOrdinalForTheFirst() {
        assertThat(new PublicationDate(LocalDate.of(2015, 10, 22), DatePrecision.DAY, false).label())
                .isEqualTo("22 octobre 2015");
        assertThat(new PublicationDate(LocalDate.of(2015, 10, 1), DatePrecision.DAY, false).label())
                .isEqualTo("1er octobre 2015");
        assertThat(new PublicationDate(LocalDate.of(2015, 10, 22), DatePrecision.DAY, false).iso())
                .isEqualTo("2015-10-22");
    }
}
