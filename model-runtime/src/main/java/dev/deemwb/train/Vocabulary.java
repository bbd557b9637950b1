package dev.deemwb.train;

import dev.deemwb.bench.robustvqa.RobustVqaQuestion;
import dev.deemwb.model.WordTokenizer;
import java.util.List;

/**
 * The words the mini models are trained to read, a choice of the recipe: the shapes world's words and
 * RobustVQA's prompt (its misspelling included), so every mini benchmark's questions can be asked.
 * The network itself knows only the vocabulary its bundle lists.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    public static WordTokenizer standard() {
        return WordTokenizer.forWorld(List.of(RobustVqaQuestion.PROMPT_TEMPLATE));
    }
}
