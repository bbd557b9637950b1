package dev.deemwb.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a model's free-text answer into yes/no. There are two rules and they disagree on purpose;
 * reports show both, labelled:
 *
 * <ul>
 *   <li>{@link #popeOfficial}: the POPE authors' evaluation rule. Every answer becomes yes or no,
 *       so a model that rambles is still scored; numbers stay comparable with published POPE tables.
 *   <li>{@link #exactMatch}: DEEM's rule. The answer is first extracted from the text as DEEM's
 *       scorer does ({@link #deemAnswer}), then must be exactly "yes" or "no"; anything else is
 *       wrong. Used for RobustVQA and as DEEM's POPE variant.
 * </ul>
 */
public final class AnswerCleaning {

    private static final Set<String> POPE_NEGATIONS = Set.of("No", "not", "no");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final List<String> DEEM_LEADS = List.of("is ", "are ", "a ", "an ", "the ");
    private static final List<String> DEEM_TAILS = List.of(" of", " or ", " and ");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?,;:]+$");

    private AnswerCleaning() {}

    /**
     * POPE's official rule, reproduced literally: keep the text before the first {@code .}, delete
     * every {@code ,}, split on single spaces; if any token is exactly {@code No}, {@code not} or
     * {@code no} the answer is no, otherwise yes. So the empty answer, {@code Nope} and {@code Not.}
     * are yes, and {@code yes, no.} is no. Tokens are split on the space character only (not tabs
     * or newlines), as the original does.
     */
    public static YesNo popeOfficial(String answer) {
        int firstPeriod = answer.indexOf('.');
        String firstSentence = firstPeriod >= 0 ? answer.substring(0, firstPeriod) : answer;
        for (String token : firstSentence.replace(",", "").split(" ", -1)) {
            if (POPE_NEGATIONS.contains(token)) {
                return YesNo.NO;
            }
        }
        return YesNo.YES;
    }

    /**
     * DEEM's exact-match rule: the {@linkplain #deemAnswer extracted} answer must be exactly
     * {@code yes} or {@code no}; anything else is empty, and scorers count it as wrong.
     */
    public static Optional<YesNo> exactMatch(String answer) {
        return switch (deemAnswer(answer)) {
            case "yes" -> Optional.of(YesNo.YES);
            case "no" -> Optional.of(YesNo.NO);
            default -> Optional.empty();
        };
    }

    /**
     * The answer as DEEM's scorer extracts it from free text, step by step (its substring tests are
     * naive, and kept so): drop double quotes; keep the first line, then the text before the first
     * {@code .}, then before the first {@code ,}, then before the first {@code !}; lower-case; then in
     * this order keep what follows the first {@code "is "}, {@code "are "}, {@code "a "}, {@code "an "}
     * and {@code "the "}, each only where present; cut at {@code " of"}, {@code " or "} and
     * {@code " and "}; replace {@code :}, {@code [} and {@code ]} by spaces; strip. So
     * {@code "Yes, there is a dog."} → {@code yes}, {@code "The answer is yes"} → {@code yes},
     * {@code "There is no cat."} → {@code no cat}, and {@code "yes, no."} → {@code yes}.
     */
    public static String deemAnswer(String answer) {
        String text = answer.replace("\"", "");
        text = before(text, "\n");
        text = before(text, ".");
        text = before(text, ",");
        text = before(text, "!");
        text = text.toLowerCase(Locale.ROOT);
        for (String lead : DEEM_LEADS) {
            int at = text.indexOf(lead);
            if (at >= 0) {
                text = text.substring(at + lead.length());
            }
        }
        for (String tail : DEEM_TAILS) {
            text = before(text, tail);
        }
        return text.replace(':', ' ').replace('[', ' ').replace(']', ' ').strip();
    }

    private static String before(String text, String mark) {
        int at = text.indexOf(mark);
        return at >= 0 ? text.substring(0, at) : text;
    }

    /**
     * The light cleaning behind exact matching: trim, lower-case, collapse runs of whitespace to one
     * space, and strip trailing punctuation ({@code . ! ? , ; :}). {@code " Yes! "} becomes
     * {@code yes}; {@code "(A)  Open."} becomes {@code (a) open}.
     */
    public static String normalize(String answer) {
        String collapsed = WHITESPACE.matcher(answer.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        return TRAILING_PUNCTUATION.matcher(collapsed).replaceAll("");
    }
}
