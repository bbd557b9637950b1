package dev.deemwb.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.train.Vocabulary;
import java.awt.image.BufferedImage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlockShapesTest {

    private static final ModelConfig CONFIG = ModelConfig.tiny();
    private static final WordTokenizer TOKENIZER = Vocabulary.standard();
    private static NDManager manager;
    private static MiniDeemModels models;
    private static ParameterStore ps;

    @BeforeAll
    static void create() {
        DjlSetup.configure();
        manager = NDManager.newBaseManager();
        models = MiniDeemModels.create(manager, CONFIG, TOKENIZER);
        ps = new ParameterStore(models.manager(), false);
    }

    @AfterAll
    static void close() {
        models.close();
        manager.close();
    }

    @Test
    void encoderTurnsAnImageIntoMVisualTokens() {
        NDArray images = manager.randomUniform(-1, 1, new Shape(3, 3, 64, 64));
        NDArray tokens = forward(models.eyes(Variant.DEEM).encoder(), images);
        assertThat(tokens.getShape()).isEqualTo(new Shape(3, CONFIG.visualTokens(), CONFIG.tokenDim()));
    }

    @Test
    void textEncoderKeepsOneStatePerWord() {
        NDArray ids = manager.create(new int[] {4, 5, 6, 0, 7, 8, 0, 0}, new Shape(2, 4));
        NDArray mask = manager.create(new float[] {1, 1, 1, 0, 1, 1, 0, 0}, new Shape(2, 4));
        NDArray states = forward(models.diffusionText(), ids, mask);
        assertThat(states.getShape()).isEqualTo(new Shape(2, 4, CONFIG.textDim()));
    }

    @Test
    void languageModelPredictsAWordForEveryTextPositionAndIsCausal() {
        NDArray tokens = manager.randomNormal(new Shape(1, CONFIG.visualTokens(), CONFIG.tokenDim()));
        NDArray first = manager.create(new int[] {4, 5, 6}, new Shape(1, 3));
        NDArray second = manager.create(new int[] {4, 5, 9}, new Shape(1, 3));
        LanguageModel lm = models.eyes(Variant.BASELINE).languageModel();
        NDArray a = forward(lm, tokens, first);
        NDArray b = forward(lm, tokens, second);
        assertThat(a.getShape()).isEqualTo(new Shape(1, 3, TOKENIZER.size()));
        // Position 1 cannot see position 2, so changing the last word leaves earlier predictions alone.
        assertThat(a.get("0, 0:2").toFloatArray()).containsExactly(b.get("0, 0:2").toFloatArray(),
                Offset.offset(1e-5f));
        assertThat(a.get("0, 2").toFloatArray()).isNotEqualTo(b.get("0, 2").toFloatArray());
    }

    @Test
    void unetPredictsAnImageOfItsInputShapeAndReadsItsCondition() {
        int s = CONFIG.diffusionSize();
        NDArray noisy = manager.randomNormal(new Shape(2, 3, s, s));
        NDArray t = manager.create(new float[] {0.3f, 0.7f});
        NDArray condition = manager.randomNormal(new Shape(2, 5, CONFIG.textDim()));
        NDArray mask = manager.ones(new Shape(2, 5));
        NDArray out = forward(models.unet(), noisy, t, condition, mask);
        assertThat(out.getShape()).isEqualTo(noisy.getShape());
        NDArray otherCondition = forward(models.unet(), noisy, t, condition.mul(-1), mask);
        assertThat(out.sub(otherCondition).abs().max().getFloat()).isGreaterThan(0f);
    }

    @Test
    void clipEmbeddingsAreUnitVectors() {
        NDArray tokens = manager.randomNormal(new Shape(2, CONFIG.visualTokens(), CONFIG.tokenDim()));
        NDArray states = manager.randomNormal(new Shape(2, 4, CONFIG.textDim()));
        NDArray mask = manager.create(new float[] {1, 1, 0, 0, 1, 1, 1, 1}, new Shape(2, 4));
        NDList embeddings = models.eyes(Variant.BASELINE).clipHeads().forward(ps, new NDList(tokens, states, mask), false);
        for (NDArray e : embeddings) {
            assertThat(e.getShape()).isEqualTo(new Shape(2, CONFIG.embedDim()));
            assertThat(e.square().sum(new int[] {1}).toFloatArray())
                    .containsExactly(new float[] {1f, 1f}, Offset.offset(1e-4f));
        }
    }

    private static NDArray forward(Block block, NDArray... inputs) {
        return block.forward(ps, new NDList(inputs), false).singletonOrThrow();
    }

    @Test
    void imageTensorsRoundTripAnyPicture() {
        BufferedImage grey = new BufferedImage(300, 200,
                BufferedImage.TYPE_USHORT_GRAY);
        float[] chw = ImageTensors.toChw(grey, 64);
        assertThat(chw).hasSize(3 * 64 * 64).containsOnly(-1f);
        assertThat(ImageTensors.halve(chw, 64)).hasSize(3 * 32 * 32);
        assertThat(ImageTensors.fromChw(chw, 64).getRGB(10, 10) & 0xFFFFFF).isZero();
    }
}
