package dev.deemwb.bench.mmvp;

import static dev.deemwb.bench.Checks.requireNonBlank;

import dev.deemwb.bench.AnswerCleaning;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two options of an MMVP question; the {@code Options} column spells them {@code (a) Open (b) Closed}. */
public record MmvpOptions(String a, String b) {

    private static final Pattern FORMAT =
            Pattern.compile("\\s*\\(a\\)\\s*(.*?)\\s*\\(b\\)\\s*(.*?)\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** lmms-eval's letter rules for MMVP, in the order they are tried; group 1 is the letter. */
    private static final List<Pattern> LETTER_RULES = List.of(
            Pattern.compile("^\\(?([ab])\\)?\\.?$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^([ab])[.\\s]", Pattern.CASE_INSENSITIVE),
            Pattern.compile("answer is \\(?([ab])\\)?", Pattern.CASE_INSENSITIVE),
            Pattern.compile("option \\(?([ab])\\)?", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b([ab])\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^([ab])", Pattern.CASE_INSENSITIVE));

    public MmvpOptions {
        requireNonBlank("option (a)", a);
        requireNonBlank("option (b)", b);
    }

    /** Parses {@code (a) Open (b) Closed}; markers may be upper case and spacing is free. */
    public static MmvpOptions parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches() || matcher.group(1).isEmpty() || matcher.group(2).isEmpty()) {
            throw new IllegalArgumentException("Options must look like '(a) Open (b) Closed', found '" + text + "'");
        }
        return new MmvpOptions(matcher.group(1), matcher.group(2));
    }

    /** The options as the {@code Options} column spells them. */
    public String text() {
        return "(a) " + a + " (b) " + b;
    }

    public String option(MmvpChoice choice) {
        return choice == MmvpChoice.A ? a : b;
    }

    /**
     * The option a free-text answer picks. First the option's own text: an answer that is, after
     * {@linkplain AnswerCleaning#normalize cleaning}, exactly one option's text ({@code Open}) picks
     * it (one naming both, say two options with the same text, goes on to the letters). Then the
     * letter, by lmms-eval's MMVP rules, the first that matches: the bare letter ({@code a},
     * {@code (b)}, {@code B.}); a letter at the start followed by {@code .} or a space
     * ({@code B. Closed}); {@code answer is (a)}; {@code option A}; a standalone letter anywhere
     * ({@code I think b}, {@code Answer: B}, {@code a) Open}); else the first character, if a or b.
     * Case never matters. The last two rules read "a dog" as (a) and "Both" as (b): a known quirk of
     * rules that approximate MMVP's own grader, which is GPT-4.
     */
    public Optional<MmvpChoice> choiceNamedBy(String answer) {
        String said = AnswerCleaning.normalize(answer);
        boolean namesA = said.equals(AnswerCleaning.normalize(a));
        boolean namesB = said.equals(AnswerCleaning.normalize(b));
        if (namesA != namesB) {
            return Optional.of(namesA ? MmvpChoice.A : MmvpChoice.B);
        }
        String text = answer.strip();
        for (Pattern rule : LETTER_RULES) {
            Matcher matcher = rule.matcher(text);
            if (matcher.find()) {
                return Optional.of(MmvpChoice.fromLabel(matcher.group(1)));
            }
        }
        return Optional.empty();
    }
}
