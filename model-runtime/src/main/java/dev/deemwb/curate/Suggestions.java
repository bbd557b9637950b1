package dev.deemwb.curate;

import dev.deemwb.bench.AnswerCleaning;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the editor can propose from the contenders' answers. */
public final class Suggestions {

    private static final Pattern ARTICLE_BEFORE = Pattern.compile("(?is)(.*\\b)(an?) ");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(a|an|the) ");

    private Suggestions() {}

    /**
     * An answer as the curation compares answers: exact-match cleaning (lower case, single spaces, no
     * final punctuation) and no leading article, so {@code "A cat."} and {@code cat} agree.
     */
    public static String comparable(String answer) {
        return LEADING_ARTICLE.matcher(AnswerCleaning.normalize(answer)).replaceFirst("");
    }

    /** The contenders' answers that differ from the item's answer (none when the item has no answer yet). */
    public static List<ContenderAnswer> wrongAnswers(CurationItem item) {
        String truth = comparable(item.get(Field.ANSWER));
        if (truth.isEmpty()) {
            return List.of();
        }
        return item.answers().stream().filter(a -> !a.normalized().isEmpty() && !a.normalized().equals(truth)).toList();
    }

    /**
     * A candidate error caption where a contender is wrong: the true caption with the right answer
     * replaced by the most confident wrong one ({@code a photo of a goldfish} → {@code a photo of a
     * shark}), or, without a true caption naming the answer, {@code a photo of a <wrong answer>}.
     * Empty when no contender is wrong.
     */
    public static Optional<String> errorCaption(CurationItem item) {
        Optional<ContenderAnswer> wrong = wrongAnswers(item).stream()
                .max(Comparator.comparing(a -> a.confidence() == null ? 0 : a.confidence()));
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        String answer = withoutArticle(wrong.get().answer().strip().replaceAll("[.!?]+$", ""));
        String truth = withoutArticle(item.get(Field.ANSWER).strip());
        String caption = item.get(Field.GT_CAPTION);
        Matcher named = Pattern.compile("\\b" + Pattern.quote(truth) + "\\b", Pattern.CASE_INSENSITIVE).matcher(caption);
        if (!truth.isEmpty() && named.find()) {
            String before = caption.substring(0, named.start());
            Matcher article = ARTICLE_BEFORE.matcher(before);
            if (article.matches()) { // "a goldfish" -> "an apple", "A goldfish" -> "An apple"
                String replaced = article(answer);
                boolean capital = Character.isUpperCase(article.group(2).charAt(0));
                before = article.group(1) + (capital ? Character.toUpperCase(replaced.charAt(0)) + replaced.substring(1)
                        : replaced);
            }
            return Optional.of(before + answer + caption.substring(named.end()));
        }
        return Optional.of("a photo of " + article(answer) + answer);
    }

    private static String withoutArticle(String text) {
        return text.replaceFirst("(?i)^(a|an|the) ", "");
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.toLowerCase(Locale.ROOT).charAt(0)) >= 0 ? "an " : "a ";
    }
}
