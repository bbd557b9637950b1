package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.io.Png;
import dev.deemwb.model.ImageTensors;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Variant;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = {"Show what each model's image encoder kept: the image is noised, then denoised by the frozen "
                + "diffusion model seeing only that encoder's visual tokens.",
            "Writes one PNG strip: the input as the diffusion model sees it (32×32) | the baseline's reconstruction "
                    + "| DEEM's."})
final class ReconstructCommand implements Callable<Integer> {

    /** Pixels between the panels of the strip. */
    static final int GAP = 4;
    /** Dark, so the gap shows against the light backgrounds of the shapes world. */
    private static final Color GAP_COLOR = new Color(40, 40, 40);

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The picture (PNG, JPEG, BMP, GIF).")
    Path image;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "Where to write the strip.")
    Path out;

    @Option(names = "--noise", defaultValue = ReconstructionDefaults.NOISE_TEXT, paramLabel = "FRACTION",
            description = "Noise level to start from, a fraction of the schedule in (0, 1] (default: ${DEFAULT-VALUE}).")
    float noise;

    @Option(names = "--steps", defaultValue = ReconstructionDefaults.STEPS_TEXT, paramLabel = "N", description = "DDIM steps, 1..200 (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "SEED", description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "4", paramLabel = "N",
            description = "Each panel is enlarged this many times, pixel for pixel, 1..32 (default: ${DEFAULT-VALUE}).")
    int scale;

    @Override
    public Integer call() throws IOException {
        if (!(noise > 0 && noise <= 1)) {
            throw new ParameterException(spec.commandLine(), "--noise must be in (0, 1], was " + noise);
        }
        if (steps < 1 || steps > 200) {
            throw new ParameterException(spec.commandLine(), "--steps must be 1..200, was " + steps);
        }
        if (scale < 1 || scale > 32) {
            throw new ParameterException(spec.commandLine(), "--scale must be 1..32, was " + scale);
        }
        Bundles.readManifest(bundleOption.bundle); // a bad bundle is reported before the engine starts
        BufferedImage picture = ImageFiles.read(image);

        DjlSetup.configure();
        List<BufferedImage> panels = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = Bundles.load(bundleOption.bundle, manager)) {
            MiniDeem miniDeem = new MiniDeem(models);
            float[] input = miniDeem.input(picture);
            int imageSize = models.config().imageSize();
            panels.add(ImageTensors.fromChw(ImageTensors.halve(input, imageSize), imageSize / 2));
            for (Variant variant : Variant.values()) {
                panels.add(miniDeem.reconstruct(variant, input, noise, steps, seed, null));
            }
        }
        AtomicFiles.write(out, Png.encode(strip(panels, scale)));
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (input | %s | %s; noise %.2f, %d steps, seed %d)%n",
                out, Variant.BASELINE.displayName(), Variant.DEEM.displayName(), noise, steps, seed);
        return 0;
    }

    /** The panels side by side, each enlarged {@code scale} times with nearest-neighbour sampling. */
    static BufferedImage strip(List<BufferedImage> panels, int scale) {
        int width = -GAP;
        int height = 0;
        for (BufferedImage panel : panels) {
            width += panel.getWidth() * scale + GAP;
            height = Math.max(height, panel.getHeight() * scale);
        }
        BufferedImage strip = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        try {
            g.setColor(GAP_COLOR);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            int x = 0;
            for (BufferedImage panel : panels) {
                g.drawImage(panel, x, 0, panel.getWidth() * scale, panel.getHeight() * scale, null);
                x += panel.getWidth() * scale + GAP;
            }
        } finally {
            g.dispose();
        }
        return strip;
    }
}
