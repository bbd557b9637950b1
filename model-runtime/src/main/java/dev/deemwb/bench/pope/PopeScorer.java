package dev.deemwb.bench.pope;

import dev.deemwb.bench.AnswerCleaning;
import dev.deemwb.bench.BinaryMetrics;
import dev.deemwb.bench.ExactMatch;
import dev.deemwb.bench.Skipped;
import dev.deemwb.bench.Skips;
import dev.deemwb.bench.YesNo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a POPE answer file against its split file.
 *
 * <p>Matching: when the answers carry {@code question_id}s they are matched by id; otherwise by
 * order, as POPE's script does (answer i belongs to question i). Anything that cannot be matched is
 * {@linkplain Skipped skipped with a reason} and left out of every metric, rather than counted as
 * wrong: a question without an answer ({@value Skipped#NO_ANSWER}), an answer past the last question
 * or with an unknown id ({@value Skipped#UNMATCHED_ANSWER}), a second answer for one id
 * ({@value Skipped#DUPLICATE_ANSWER}; the first is scored). POPE's script would instead crash or
 * silently mis-align; a non-empty skip list is a warning to read.
 *
 * <p>An answer that carries its question must carry the matched question's text (compared ignoring
 * case, spacing and the final punctuation): the three splits share images and "yes" questions but not
 * their "no" questions, so answers to another split would otherwise score as if they were this one's.
 */
public final class PopeScorer {

    private PopeScorer() {}

    private record Match(PopeQuestion question, PopeAnswer answer) {}

    public static PopeScore score(List<PopeQuestion> questions, List<PopeAnswer> answers) {
        List<Skipped> skipped = new ArrayList<>();
        List<Match> matches = matchesById(answers)
                ? matchById(questions, answers, skipped)
                : matchByOrder(questions, answers, skipped);
        matches.forEach(PopeScorer::checkSameQuestion);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        ExactMatch.Tally exact = new ExactMatch.Tally();
        for (Match match : matches) {
            YesNo expected = match.question().expected();
            boolean saidYes = AnswerCleaning.popeOfficial(match.answer().answer()) == YesNo.YES;
            if (expected == YesNo.YES && saidYes) {
                tp++;
            } else if (expected == YesNo.YES) {
                fn++;
            } else if (saidYes) {
                fp++;
            } else {
                tn++;
            }
            exact.add(expected, match.answer().answer());
        }
        return new PopeScore(BinaryMetrics.fromCounts(tp, fp, tn, fn), exact.result(), Skips.of(skipped));
    }

    private static boolean matchesById(List<PopeAnswer> answers) {
        long withId = answers.stream().map(PopeAnswer::questionId).filter(Objects::nonNull).count();
        if (withId != 0 && withId != answers.size()) {
            throw new IllegalArgumentException("answers must all carry a question_id or none: "
                    + withId + " of " + answers.size() + " do");
        }
        return withId > 0;
    }

    private static List<Match> matchByOrder(List<PopeQuestion> questions, List<PopeAnswer> answers,
            List<Skipped> skipped) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < Math.max(questions.size(), answers.size()); i++) {
            if (i >= answers.size()) {
                skipped.add(new Skipped(describe(questions.get(i)), Skipped.NO_ANSWER));
            } else if (i >= questions.size()) {
                skipped.add(new Skipped("answer " + (i + 1), Skipped.UNMATCHED_ANSWER));
            } else {
                matches.add(new Match(questions.get(i), answers.get(i)));
            }
        }
        return matches;
    }

    private static List<Match> matchById(List<PopeQuestion> questions, List<PopeAnswer> answers,
            List<Skipped> skipped) {
        Map<Integer, PopeAnswer> answerById = new LinkedHashMap<>();
        Map<Integer, PopeQuestion> questionById = new LinkedHashMap<>();
        for (PopeQuestion question : questions) {
            if (questionById.put(question.questionId(), question) != null) {
                throw new IllegalArgumentException("duplicate question_id " + question.questionId() + " in the questions");
            }
        }
        for (PopeAnswer answer : answers) {
            String item = "question_id " + answer.questionId();
            if (!questionById.containsKey(answer.questionId())) {
                skipped.add(new Skipped(item, Skipped.UNMATCHED_ANSWER));
            } else if (answerById.putIfAbsent(answer.questionId(), answer) != null) {
                skipped.add(new Skipped(item, Skipped.DUPLICATE_ANSWER));
            }
        }
        List<Match> matches = new ArrayList<>();
        for (PopeQuestion question : questions) {
            PopeAnswer answer = answerById.get(question.questionId());
            if (answer == null) {
                skipped.add(new Skipped(describe(question), Skipped.NO_ANSWER));
            } else {
                matches.add(new Match(question, answer));
            }
        }
        return matches;
    }

    /** @throws IllegalArgumentException when the answer says it answers another question */
    private static void checkSameQuestion(Match match) {
        String asked = match.answer().question();
        if (asked != null && !match.question().isAsked(asked)) {
            throw new IllegalArgumentException("the answer to " + describe(match.question()) + " was given to \""
                    + asked.strip() + "\", but this split asks \"" + match.question().text() + "\": the answers "
                    + "belong to another split or file");
        }
    }

    private static String describe(PopeQuestion question) {
        return "question_id " + question.questionId();
    }
}
