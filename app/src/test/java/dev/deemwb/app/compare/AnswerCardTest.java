package dev.deemwb.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.contender.Reply;
import dev.deemwb.infer.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCardTest {

    @Test
    void theAlternativesShownAreWordsTheModelGaveAtLeastHalfAPercent() {
        AnswerCard card = new AnswerCard(Side.LEFT);

        card.show("Is the square filled or hollow?", Reply.answered("hollow", List.of(new Answer.Alternative("hollow", 0.93),
                new Answer.Alternative("<eos>", 0.06), new Answer.Alternative("filled", 0.006),
                new Answer.Alternative("down", 0.004)), 12, null), AnswerCard.Verdict.RIGHT);

        assertThat(card.alternativesProperty().get()).extracting(Answer.Alternative::word)
                .containsExactly("hollow", "filled");
    }
}
