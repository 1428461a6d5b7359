package fr.tribunes.typography;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Cloud souverain                                  | cloud-souverain
            L’État doit apprendre de ses erreurs             | l-etat-doit-apprendre-de-ses-erreurs
            « Numergy » : l’heure des comptes !              | numergy-l-heure-des-comptes
            Łukasz Wiśniewski                                | lukasz-wisniewski
            Søren Ærø                                        | soren-aero
            Đorđe Čolić                                      | dorde-colic
            Straße                                           | strasse
            Œuvre cœur                                       | oeuvre-coeur
            Ðóttir Þór                                       | dottir-thor
            Αθήνα                                            | athena
            Москва                                           | moskva
            ---                                              | ''
            """)
    void everyLatinLetterKeepsAnAsciiFormAndPunctuationBecomesOneHyphen(String name, String slug) {
        assertThat(Slugs.of(name, 100)).isEqualTo(slug);
        assertThat(slug.isEmpty() || Slugs.isValid(slug)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            souveraineté numérique européenne | 20 | souverainete
            souveraineté numérique européenne | 25 | souverainete-numerique
            anticonstitutionnellement         | 10 | anticonsti
            """)
    void aLongNameIsCutBetweenWordsWhenItCanBe(String name, int max, String slug) {
        assertThat(Slugs.of(name, max)).isEqualTo(slug);
    }
}
