package dev.deemwb.bench.mmvp;

import static dev.deemwb.bench.Checks.requireNonBlank;

import dev.deemwb.bench.AnswerCleaning;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two options of an MMVP question; the {@code Options} column spells them {@code (a) Open (b) Closed}. */
public record MmvpOptions(String a, String b) {

    private static final Pattern FORMAT =
            Pattern.compile("\\s*\\(a\\)\\s*(.*?)\\s*\\(b\\)\\s*(.*?)\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

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
     * The option a free-text answer picks. An answer names option (a) when, after
     * {@linkplain AnswerCleaning#normalize cleaning}, it is {@code (a)}, {@code a}, {@code (a) Open}
     * or the option text {@code Open}. An answer that names both options (say, two options with the
     * same text) or neither picks nothing.
     */
    public Optional<MmvpChoice> choiceNamedBy(String answer) {
        String said = AnswerCleaning.normalize(answer);
        boolean namesA = names(MmvpChoice.A, said);
        boolean namesB = names(MmvpChoice.B, said);
        if (namesA == namesB) {
            return Optional.empty();
        }
        return Optional.of(namesA ? MmvpChoice.A : MmvpChoice.B);
    }

    private boolean names(MmvpChoice choice, String said) {
        String text = AnswerCleaning.normalize(option(choice));
        return said.equals(choice.letter()) || said.equals(choice.label())
                || said.equals(choice.label() + " " + text) || said.equals(text);
    }
}
