package dev.deemwb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerCleaningTest {

    /** Each expected value was worked out by hand from POPE's rule, quoted in AnswerCleaning. */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "No, there is not    | NO",   // "No there is not": tokens No, not
        "not sure            | NO",   // token "not"
        "\"\"                | YES",  // empty: no token is a negation
        "Yes.                | YES",  // "Yes"
        "There is no dog.    | NO",   // token "no" before the period
        "Nope                | YES",  // "Nope" is not exactly No/no/not
        "yes, no.            | NO",   // "yes no": token "no"
        "Not.                | YES",  // "Not": capitalised, not in {No, not, no}
        "NO                  | YES",  // upper case is not in the set either
        "Yes. No, it is not. | YES",  // only the text before the first period counts
        "no,there            | YES",  // comma removed: one token "nothere"
        "No                  | NO",
        "I do not think so   | NO",
    })
    void popeOfficialRule(String answer, YesNo expected) {
        assertThat(AnswerCleaning.popeOfficial(answer)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "yes                    | YES",
        "\" Yes! \"             | YES",
        "NO.                    | NO",
        "\"No, \"               | NO",
        "no?!                   | OTHER", // DEEM's rule cuts at "!" but keeps "?"
        "\"\"                   | OTHER",
        "Nope                   | OTHER",
        "y                      | OTHER",
        // DEEM's extraction, worked by hand from its rule (first line / sentence / clause, then what follows "is ", ...)
        "Yes, there is a dog.   | YES",
        "\"No, it is not.\"     | NO",
        "The answer is yes      | YES",
        "\"no, but\"            | NO",
        "\"\"\"yes\"\"\"       | YES",
        "There is no cat.       | OTHER",
        "\"yes, no.\"           | YES",
        "Not.                   | OTHER",
        "\"Yes or no\"          | YES",
        "\"Is it? yes\"         | OTHER",
    })
    void exactMatchRule(String answer, String expected) {
        Optional<YesNo> wanted = expected.equals("OTHER") ? Optional.empty() : Optional.of(YesNo.valueOf(expected));
        assertThat(AnswerCleaning.exactMatch(answer)).isEqualTo(wanted);
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"  (A)   Open. \" | (a) open",
        "Closed!?          | closed",
        "\"a,\"            | a",
    })
    void normalize(String answer, String expected) {
        assertThat(AnswerCleaning.normalize(answer)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"Yes, there is a dog.\"       | yes",
        "\"There is no cat.\"           | no cat",
        "\"It is a photo of a goldfish\" | photo",
        "\"first line\nsecond\"         | first line",
        "\"Answer: [yes]\"              | answer   yes",
    })
    void deemExtraction(String answer, String expected) {
        assertThat(AnswerCleaning.deemAnswer(answer.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
