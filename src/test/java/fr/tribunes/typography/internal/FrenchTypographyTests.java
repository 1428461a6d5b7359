package fr.tribunes.typography.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FrenchTypographyTests {

    @Test
    void aLongTitleIsCutAtTheEndOfAWordWithAnEllipsisAndAShortOneIsLeftWhole() {
        String title = SeedTribune.title();
        String cut = FrenchTypography.shorten(title, 60);
        assertThat(cut).hasSizeLessThanOrEqualTo(60).endsWith("…");
        // Cut after a whole word of the title, without the colon before it.
        assertThat(title).startsWith(cut.substring(0, cut.length() - 1));
        assertThat(title.charAt(cut.length() - 1)).isIn(' ', '\u202F', '\u00A0', ':');
        assertThat(FrenchTypography.shorten("L’état doit apprendre de ses erreurs : Numergy", 40))
                .isEqualTo("L’état doit apprendre de ses erreurs…");
        assertThat(FrenchTypography.shorten("Thème : cloud souverain", 60)).isEqualTo("Thème : cloud souverain");
        assertThat(FrenchTypography.shorten("  deux\n lignes  ", 60)).isEqualTo("deux lignes");
        assertThat(FrenchTypography.shorten(null, 60)).isNull();
    }

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

    /**
     * The one-pass implementation against the regular expressions it replaced (kept here as the statement of the
     * rules), on texts made of the pieces the rules look at, drawn at random with a fixed seed. Letters outside the
     * Basic Multilingual Plane are left out: the expressions' lookbehind saw half of one (a lone surrogate, not a
     * letter), so « 𝐀É » counted as a one-letter word there; {@link #aLetterBeyondTheBasicPlaneIsALetter} says
     * what the one pass does instead.
     */
    @Test
    void onePassGivesWhatTheRegularExpressionsGave() {
        List<String> pieces = List.of(
                "a",
                "à",
                "A",
                "y",
                "le",
                "de",
                "l’",
                "d'",
                "x-",
                ".",
                "5",
                "2015",
                "٣",
                "½",
                " ",
                "  ",
                "\u00A0",
                "\u202F",
                "\u2009",
                "\t",
                ";",
                ":",
                "!",
                "?",
                "«",
                "»",
                "(",
                "%",
                "‰",
                "€",
                "$",
                "£",
                "°C",
                "km",
                "kms",
                "min",
                "minute",
                "h",
                "heures",
                "Mo",
                "millions",
                "million",
                "milliard",
                "milliards",
                "É",
                "ß",
                ",");
        Random random = new Random(20261201);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int k = 0; k < length; k++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String input = text.toString();
            assertThat(FrenchTypography.apply(input)).as("%s", input).isEqualTo(RegularExpressions.apply(input));
        }
    }

    @Test
    void aLetterBeyondTheBasicPlaneIsALetter() {
        assertThat(FrenchTypography.apply("\uD835\uDC00É millions")).isEqualTo("\uD835\uDC00É millions");
        assertThat(FrenchTypography.apply("\uD835\uDC00 millions")).isEqualTo("\uD835\uDC00\u00A0millions");
    }

    /** The rules as regular expressions, applied one after the other: what the application did before. */
    private static final class RegularExpressions {

        private static final String SPACE = "[ \\u00A0\\u202F\\u2009\\t]+";

        private static final Pattern BEFORE_HIGH_PUNCTUATION = Pattern.compile(SPACE + "(?=[;:!?»])");

        private static final Pattern AFTER_OPENING_GUILLEMET = Pattern.compile("(?<=«)" + SPACE);

        private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(?<=\\d)" + SPACE
                + "(?=(?:%|‰|€|\\$|£|°C|(?:km|cm|mm|kg|Ko|Mo|Go|To|ms|min|h|millions?|milliards?)"
                + "(?![\\p{L}\\p{N}])))");

        private static final Pattern MULTIPLIER_AND_CURRENCY =
                Pattern.compile("(?<=millions|million|milliards|milliard)" + SPACE + "(?=[€$£](?![\\p{L}\\p{N}]))");

        private static final Pattern AFTER_ONE_LETTER_WORD =
                Pattern.compile("(?<![\\p{L}\\p{N}’'\\-.])(\\p{L})" + SPACE + "(?=[\\p{L}\\p{N}«(])");

        static String apply(String text) {
            String result = BEFORE_HIGH_PUNCTUATION.matcher(text).replaceAll("\u202F");
            result = AFTER_OPENING_GUILLEMET.matcher(result).replaceAll("\u202F");
            result = NUMBER_AND_UNIT.matcher(result).replaceAll("\u00A0");
            result = MULTIPLIER_AND_CURRENCY.matcher(result).replaceAll("\u00A0");
            return AFTER_ONE_LETTER_WORD.matcher(result).replaceAll("$1\u00A0");
        }
    }
}
