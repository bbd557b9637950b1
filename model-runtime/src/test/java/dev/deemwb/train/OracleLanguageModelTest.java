package dev.deemwb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.model.ModelConfig;
import dev.deemwb.world.Orientation;
import dev.deemwb.world.Shape;
import dev.deemwb.world.ShapeColor;
import dev.deemwb.world.SceneObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OracleLanguageModelTest {

    @Test
    void aSymbolicTokenIsTheOneHotCodesOfEveryAttributeSideBySide() {
        SceneObject object = new SceneObject(Shape.TRIANGLE, ShapeColor.BLUE, Orientation.DOWN, true, 5, 0.8, 0.5, 0.2);
        float[] token = new float[OracleLanguageModel.FEATURES + 2];

        OracleLanguageModel.encode(object, token, 1);

        int shapes = Shape.values().length;
        int colors = ShapeColor.values().length;
        int orientations = Orientation.values().length + 1;
        List<Integer> hot = new ArrayList<>();
        for (int i = 0; i < token.length; i++) {
            if (token[i] != 0) {
                assertThat(token[i]).isEqualTo(1f);
                hot.add(i - 1);
            }
        }
        int fill = shapes + colors + orientations;
        assertThat(hot).containsExactly(Shape.TRIANGLE.ordinal(), shapes + ShapeColor.BLUE.ordinal(),
                shapes + colors + Orientation.DOWN.ordinal(), fill + 1, fill + 2 + 1, fill + 2 + 3 + 2);
    }

    @Test
    void aShapeWithoutOrientationSetsTheNoOrientationCode() {
        SceneObject circle = new SceneObject(Shape.CIRCLE, ShapeColor.RED, null, false, 0, 0.2, 0.2, 0.2);
        float[] token = new float[OracleLanguageModel.FEATURES];

        OracleLanguageModel.encode(circle, token, 0);

        assertThat(token[Shape.values().length + ShapeColor.values().length + Orientation.values().length]).isEqualTo(1f);
    }

    @Test
    void anArchitectureWithFewerTokensThanObjectsIsRefused() {
        ModelConfig tiny = ModelConfig.tiny();
        ModelConfig two = new ModelConfig(tiny.imageSize(), tiny.encoderChannels(), tiny.tokenDim(), 2, tiny.heads(),
                tiny.textDim(), tiny.textLayers(), tiny.maxTextLength(), tiny.embedDim(), tiny.lmmDim(),
                tiny.lmmLayers(), tiny.maxPromptLength(), tiny.unetChannels(), tiny.diffusionSize(),
                tiny.diffusionSteps());

        assertThatThrownBy(() -> new OracleLanguageModel(two, Vocabulary.standard(), Recipe.tiny()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 visual tokens for up to 4 objects");
    }
}
