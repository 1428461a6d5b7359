package fr.tribunes.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import org.junit.jupiter.api.Test;

class FrenchTypographyTests {

    @Test
    void highPunctuationAndGuillemetsGetANarrowNoBreakSpace() {
        assertThat(FrenchTypography.apply("Cloudwatt n’existe plus ; c’est devenu Orange"))
                .isEqualTo("Cloudwatt n’existe plus\u202F; c’est devenu Orange");
        assertThat(FrenchTypography.apply("les « gros » du Cloud")).isEqualTo("les «\u202Fgros\u202F» du Cloud");
        assertThat(FrenchTypography.apply("réussite ? Probablement. Vous avez bien lu !"))
                .isEqualTo("réussite\u202F? Probablement. Vous avez bien lu\u202F!");
    }

    @Test
    void aRunOfSpacesBeforeAColonBecomesOneNarrowNoBreakSpace() {
        assertThat(FrenchTypography.apply("services Cloud \u00A0: haute-disponibilité"))
                .isEqualTo("services Cloud\u202F: haute-disponibilité");
    }

    @Test
    void noSpaceIsEverAddedWhereThereWasNone() {
        assertThat(FrenchTypography.apply("52% des profits, https://exemple.fr, 22/10/15, 10:30"))
                .isEqualTo("52% des profits, https://exemple.fr, 22/10/15, 10:30");
    }

    @Test
    void numbersStayWithTheirUnits() {
        assertThat(FrenchTypography.apply("521 millions $ de profits, 150 millions d’euros, 30 %"))
                .isEqualTo("521\u00A0millions\u00A0$ de profits, 150\u00A0millions d’euros, 30\u00A0%");
    }

    @Test
    void oneLetterWordsDoNotEndALine() {
        assertThat(FrenchTypography.apply("A l’issue du trimestre, il y a trois ans, à partir de rien"))
                .isEqualTo("A\u00A0l’issue du trimestre, il y\u00A0a\u00A0trois ans, à\u00A0partir de rien");
    }

    @Test
    void theSeedTextKeepsItsWordsUnderTypography() {
        for (String line : SeedTribune.lines()) {
            assertThat(SeedTribune.normaliseWhitespace(FrenchTypography.apply(line)))
                    .isEqualTo(SeedTribune.normaliseWhitespace(line));
        }
    }
}
