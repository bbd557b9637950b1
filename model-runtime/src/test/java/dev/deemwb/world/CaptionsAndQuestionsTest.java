package dev.deemwb.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CaptionsAndQuestionsTest {

    /** Red triangle pointing left at top left (filled), two circles (blue hollow centre, red filled bottom right). */
    private static final Scene SCENE = new Scene(17, List.of(
            new SceneObject(Shape.TRIANGLE, ShapeColor.RED, Orientation.LEFT, true, 0, 0.17, 0.17, 0.2),
            new SceneObject(Shape.CIRCLE, ShapeColor.BLUE, null, false, 4, 0.5, 0.5, 0.2),
            new SceneObject(Shape.CIRCLE, ShapeColor.RED, null, true, 8, 0.83, 0.83, 0.2)));

    @Test
    void captionsNeverMentionOrientationOrStructure() {
        SceneGenerator generator = new SceneGenerator();
        SplittableRandom random = new SplittableRandom(1);
        int mentionsColour = 0;
        for (int i = 0; i < 1000; i++) {
            String caption = Captions.caption(generator.generate(Seeds.derive(2, i)), random, 0.3);
            assertThat(caption).doesNotContain("up", "down", "left", "right", "filled", "hollow", "point");
            if (Arrays.stream(ShapeColor.values()).anyMatch(c -> caption.contains(c.word()))) {
                mentionsColour++;
            }
        }
        assertThat(mentionsColour).as("captions sometimes, not always, name a colour").isBetween(150, 700);
    }

    @Test
    void atProbabilityZeroNoCaptionNamesAColour() {
        SceneGenerator generator = new SceneGenerator();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            String caption = Captions.caption(generator.generate(Seeds.derive(2, i)), random, 0);
            assertThat(Arrays.stream(ShapeColor.values()).map(ShapeColor::word)).as(caption)
                    .noneMatch(caption::contains);
        }
    }

    @Test
    void captionCountsShapes() {
        String caption = Captions.caption(SCENE, new SplittableRandom(4), 0.3);
        assertThat(caption).contains("two circles").containsPattern("a (red )?triangle");
    }

    @Test
    void detailedDescriptionNamesEveryAttribute() {
        assertThat(Captions.detailedDescription(SCENE)).isEqualTo(
                "filled red triangle pointing left at top left and hollow blue circle at center"
                        + " and filled red circle at bottom right");
    }

    @Test
    void questionsHaveTheirGroundTruth() {
        List<QaPair> all = Questions.all(SCENE);
        assertThat(all).contains(
                new QaPair(Category.PRESENCE, "Is there a triangle in the image?", "yes"),
                new QaPair(Category.PRESENCE, "Is there a circle in the image?", "yes"),
                new QaPair(Category.COUNT, "How many objects are there?", "three"),
                new QaPair(Category.COUNT, "How many circles are there?", "two"),
                new QaPair(Category.COLOR, "What color is the triangle?", "red"),
                new QaPair(Category.ORIENTATION, "Which way does the triangle point?", "left"),
                new QaPair(Category.STRUCTURE, "Is the blue circle filled or hollow?", "hollow"),
                new QaPair(Category.STRUCTURE, "Is the red circle filled or hollow?", "filled"),
                new QaPair(Category.POSITION, "Is the triangle left of the blue circle?", "yes"),
                new QaPair(Category.POSITION, "Is the red circle left of the triangle?", "no"),
                new QaPair(Category.POSITION, "Is the red circle above the blue circle?", "no"));
        long presentYes = all.stream().filter(q -> q.category() == Category.PRESENCE && q.answer().equals("yes")).count();
        long presentNo = all.stream().filter(q -> q.category() == Category.PRESENCE && q.answer().equals("no")).count();
        assertThat(presentNo).isEqualTo(presentYes).isEqualTo(2);
        assertThat(all).as("a colour question never names the colour it asks for")
                .filteredOn(q -> q.category() == Category.COLOR).extracting(QaPair::question)
                .containsExactly("What color is the triangle?");
        assertThat(all).allSatisfy(q -> assertThat(Questions.answerWords()).contains(q.answer()));
    }

    @Test
    void ambiguousObjectsAreNotAskedAbout() {
        Scene twins = new Scene(1, List.of(
                new SceneObject(Shape.SQUARE, ShapeColor.RED, null, true, 0, 0.17, 0.17, 0.2),
                new SceneObject(Shape.SQUARE, ShapeColor.RED, null, false, 2, 0.83, 0.17, 0.2)));
        assertThat(Questions.all(twins)).noneMatch(q -> q.category() == Category.STRUCTURE)
                .contains(new QaPair(Category.COUNT, "How many squares are there?", "two"));
    }
}
