package dev.deemwb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.bench.robustvqa.RobustVqaQuestion;
import dev.deemwb.train.Vocabulary;
import dev.deemwb.world.Captions;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.Seeds;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    private final WordTokenizer tokenizer = Vocabulary.standard();

    @Test
    void everyTextTheWorldProducesIsInTheVocabulary() {
        SceneGenerator generator = new SceneGenerator();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3000; i++) {
            Scene scene = generator.generate(Seeds.derive(8, i));
            assertThat(tokenizer.unknownWords(Captions.caption(scene, random, 1))).isEmpty();
            assertThat(tokenizer.unknownWords(Captions.detailedDescription(scene))).isEmpty();
            Questions.all(scene).forEach(q -> {
                assertThat(tokenizer.unknownWords(q.question())).as(q.question()).isEmpty();
                assertThat(tokenizer.encode(q.answer())).hasSize(1);
            });
        }
        assertThat(tokenizer.unknownWords(RobustVqaQuestion.promptFor("a crescent"))).isEmpty();
    }

    @Test
    void encodesAndDecodesWordsIgnoringCaseAndPunctuation() {
        int[] ids = tokenizer.encode("Is the Red triangle left of the circle?");
        assertThat(ids).hasSize(8).doesNotContain(WordTokenizer.PAD_ID, WordTokenizer.BOS_ID, WordTokenizer.EOS_ID);
        assertThat(tokenizer.decode(ids)).isEqualTo("is the red triangle left of the circle");
        int[] withEnd = {ids[0], WordTokenizer.EOS_ID, ids[1]};
        assertThat(tokenizer.decode(withEnd)).isEqualTo("is");
    }

    @Test
    void namesUnknownWordsInsteadOfGuessing() {
        assertThat(tokenizer.unknownWords("Is the zebra left of the zebra or the giraffe?")).containsExactly("zebra", "giraffe");
        assertThatThrownBy(() -> tokenizer.encode("what colour is the hexagon"))
                .isInstanceOf(UnknownWordsException.class)
                .hasMessage("unknown words: colour, hexagon");
    }

    @Test
    void wordsInOtherLettersAreNamedWholeAndFullWidthLettersAreRead() {
        assertThat(tokenizer.unknownWords("Is the café left of the круг?")).containsExactly("café", "круг");
        assertThat(tokenizer.unknownWords("Ｉｓ ｔｈｅｒｅ ａ ｃｉｒｃｌｅ？")).isEmpty();
    }

    @Test
    void vocabularyRoundTripsThroughItsWordList() {
        WordTokenizer copy = new WordTokenizer(tokenizer.vocabulary());
        assertThat(copy.encode("how many stars are there")).isEqualTo(tokenizer.encode("how many stars are there"));
        assertThatThrownBy(() -> new WordTokenizer(List.of("a", "b"))).hasMessageContaining("starts with");
        assertThatThrownBy(() -> new WordTokenizer(List.of("<pad>", "<bos>", "<eos>", "x", "x"))).hasMessageContaining("twice");
    }
}
