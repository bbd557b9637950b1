package dev.deemwb.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.ShownText;
import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.testing.FakeContender;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison and pair slides: labels and pictures only, every text whole and readable on its
 * background in both themes (the dark theme's text was once drawn on a white fill), at 1× and 2×.
 */
@ExtendWith(ApplicationExtension.class)
class SlidesTest {

    /** WCAG's least contrast for large text; the slide's smallest type is 18 px. */
    private static final double READABLE_CONTRAST = 3.0;
    private static final String LONG_NAME = "llava-v1.6-34b on the lab's vLLM server, 4-bit";

    @RegisterExtension
    static final UntrainedWorker WORKER = new UntrainedWorker();

    @Test
    void theComparisonSlideHoldsNoWidgetsAndEveryTextIsWholeAndReadableInBothThemes() throws Exception {
        CompareViewModel model = askedModel();
        assertReadableInBothThemes(() -> ComparisonSlide.of(model), LONG_NAME, "ground truth: "
                + model.groundTruthProperty().get().substring("ground truth: ".length()));
    }

    @Test
    void thePairSlideHoldsNoWidgetsAndEveryTextIsWholeAndReadableInBothThemes() throws Exception {
        ContenderRoster roster = ContenderRoster.of(WORKER.get(), Runnable::run, Runnable::run, Map.of());
        roster.addInProcess(List.of(FakeContender.yes(LONG_NAME)));
        ImageSources sources = new ImageSources(ModelConfig.tiny().imageSize());
        PairViewModel pair = new PairViewModel(roster, Runnable::run, Runnable::run, sources, Optional::empty,
                Map.of(Side.LEFT, () -> "baseline", Side.RIGHT, () -> LONG_NAME));
        pair.show(() -> sources.randomScene(1), () -> sources.randomScene(2), "Is there a circle in the image?",
                "two random scenes");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pair.row(Side.LEFT).summaryProperty().get().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertReadableInBothThemes(() -> PairSlide.of(pair), LONG_NAME, "Q: Is there a circle in the image?",
                LONG_NAME + ": " + pair.row(Side.RIGHT).summaryProperty().get());
    }

    /**
     * In both themes: 1280 px at 1× (taller only if needed), exactly twice that at 2×; labels and pictures
     * only; {@code expected} among the texts; every text whole and readable on its background.
     */
    private static void assertReadableInBothThemes(Supplier<Region> build, String... expected) throws Exception {
        for (String theme : List.of("light.css", "dark.css")) {
            List<String> sheets = List.of(sheet("workbench.css"), sheet(theme));
            BufferedImage once = WaitForAsyncUtils.asyncFx(() -> Slides.render(build, sheets, 1)).get();
            BufferedImage twice = WaitForAsyncUtils.asyncFx(() -> Slides.render(build, sheets, 2)).get();
            assertThat(once.getWidth()).isEqualTo((int) Slides.WIDTH);
            assertThat(once.getHeight()).isGreaterThanOrEqualTo((int) Slides.HEIGHT);
            assertThat(twice.getWidth()).isEqualTo(2 * once.getWidth());
            assertThat(twice.getHeight()).isEqualTo(2 * once.getHeight());

            Region slide = WaitForAsyncUtils.asyncFx(() -> Slides.laidOut(build.get(), sheets)).get();
            assertThat(slide.getHeight()).as("the slide measured is the one drawn").isEqualTo(once.getHeight());
            List<Node> nodes = descendants(slide);
            assertThat(nodes).as(theme + ": no buttons, spinners or sliders on a slide")
                    .filteredOn(n -> n instanceof Control).allMatch(n -> n instanceof Label);
            List<Label> labels = nodes.stream().filter(n -> n instanceof Label).map(n -> (Label) n)
                    .filter(l -> !l.getText().isEmpty()).toList();
            assertThat(labels).extracting(Label::getText).contains(expected);
            for (Label label : labels) {
                assertThat(ShownText.of(label)).as(theme + ": cut text").isEqualTo(label.getText());
                assertThat(contrast(twice, label.localToScene(label.getBoundsInLocal()), 2))
                        .as(theme + ": contrast of \"" + label.getText() + "\"").isGreaterThanOrEqualTo(READABLE_CONTRAST);
            }
        }
    }

    /** The mini baseline against a model with a long name and no decoder, both asked about a scene. */
    private static CompareViewModel askedModel() throws Exception {
        ContenderRoster roster = ContenderRoster.of(WORKER.get(), Runnable::run, Runnable::run, Map.of());
        roster.addInProcess(List.of(FakeContender.yes(LONG_NAME)));
        CompareViewModel model = new CompareViewModel(roster, WORKER.get(), Runnable::run, Runnable::run);
        Idle.await(model);
        model.card(Side.RIGHT).contenderProperty().set(LONG_NAME);
        model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(5));
        model.questionProperty().set("Is there a circle in the image?");
        model.ask();
        Idle.await(model);
        assertThat(model.card(Side.LEFT).reconstruction()).isNotEmpty();
        assertThat(model.card(Side.RIGHT).verdictProperty().get()).isIn(AnswerCard.Verdict.RIGHT, AnswerCard.Verdict.WRONG);
        return model;
    }

    private static String sheet(String name) {
        return SlidesTest.class.getResource("/dev/deemwb/app/" + name).toExternalForm();
    }

    private static List<Node> descendants(Parent parent) {
        List<Node> all = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            all.add(child);
            if (child instanceof Parent inner && !(child instanceof Label)) {
                all.addAll(descendants(inner));
            }
        }
        return all;
    }

    /**
     * The strongest contrast between the label's background (its most common colour) and any pixel
     * inside it, on a white page: text that blends into its fill scores near 1.
     */
    private static double contrast(BufferedImage png, Bounds bounds, double scale) {
        Map<Integer, Integer> counts = new HashMap<>();
        List<Integer> pixels = new ArrayList<>();
        for (int y = (int) (bounds.getMinY() * scale); y < Math.min(png.getHeight(), bounds.getMaxY() * scale); y++) {
            for (int x = (int) (bounds.getMinX() * scale); x < Math.min(png.getWidth(), bounds.getMaxX() * scale); x++) {
                int rgb = overWhite(png.getRGB(x, y));
                pixels.add(rgb);
                counts.merge(rgb, 1, Integer::sum);
            }
        }
        int background = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double lb = luminance(background);
        return pixels.stream().mapToDouble(p -> {
            double lp = luminance(p);
            return (Math.max(lp, lb) + 0.05) / (Math.min(lp, lb) + 0.05);
        }).max().orElse(1);
    }

    /** A pixel as a slide shows it on a white page: what the PNG leaves transparent is white there. */
    private static int overWhite(int argb) {
        int alpha = argb >>> 24;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int channel = (argb >> shift & 0xff) * alpha / 255 + 255 - alpha;
            rgb |= channel << shift;
        }
        return rgb;
    }

    /** WCAG relative luminance of an sRGB colour. */
    private static double luminance(int rgb) {
        double[] c = {(rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0};
        for (int i = 0; i < 3; i++) {
            c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
