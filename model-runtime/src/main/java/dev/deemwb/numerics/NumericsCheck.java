package dev.deemwb.numerics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.deemwb.model.BlockParameters;
import dev.deemwb.model.ConsistencyLoss;
import dev.deemwb.model.Diffusion;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.Variant;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Checks that the engine's float32 kernels compute what they should, before anything is trained on
 * them: every convolution shape the models use (forward, input gradient, weight and bias gradients)
 * and DEEM's whole CSR gradient path — the gradient that reaches the encoder through the frozen UNet
 * — each against the same computation in float64, on seeded random data. float64 convolutions do not
 * go through oneDNN, whose AVX-512 kernels in libtorch 2.7.1 were measured wrong for channel counts
 * that are not multiples of 16; the float64 reference is itself checked against a direct computation
 * in Java on a small shape, so a wrong reference cannot pass everything.
 */
public final class NumericsCheck {

    /** A float32 result must be this close to float64 (relative to the largest value); a wrong kernel is off by ~1. */
    static final double CONV_TOLERANCE = 1e-3;
    /** The CSR path runs ~40 layers, softmax and normalisations in float32: looser, still far below a wrong kernel. */
    static final double PATH_TOLERANCE = 1e-2;
    /** A parameter's gradient error is measured against at least this fraction of the largest gradient. */
    private static final double SMALLEST_SCALE = 1e-4;
    private static final int CONV_BATCH = 4;
    private static final int PATH_BATCH = 2;
    private static final int REPEATS = 2;
    private static final long SEED = 20_251_127L;

    /** The convolution under test; its gradients come from autograd. A seam: tests inject a wrong one. */
    @FunctionalInterface
    public interface Convolution {
        NDArray apply(NDArray input, NDArray weight, NDArray bias, ConvShape shape);
    }

    /** DJL's convolution: what the models run. */
    public static final Convolution ENGINE = (input, weight, bias, shape) -> Conv2d.conv2d(input, weight, bias,
            new Shape(shape.stride(), shape.stride()), new Shape(shape.padding(), shape.padding()), new Shape(1, 1), 1)
            .singletonOrThrow();

    private final Convolution float32;

    public NumericsCheck() {
        this(ENGINE);
    }

    /** @param float32 the convolution whose float32 results are checked (the engine's, but for tests) */
    public NumericsCheck(Convolution float32) {
        this.float32 = float32;
    }

    /** Everything: the reference itself, every convolution of the models' configuration, the CSR path. */
    public NumericsReport check(NDManager parent, MiniDeemModels models) {
        List<NumericsReport.Finding> findings = new ArrayList<>();
        try (NDManager manager = parent.newSubManager()) {
            findings.addAll(checkReference(manager));
            findings.addAll(checkConvolutions(manager, ConvShape.of(models.namedBlocks(), CONV_BATCH)));
            findings.addAll(checkCsrPath(manager, models));
        }
        return new NumericsReport(findings);
    }

    /** The float64 reference against a direct computation in Java, on a small odd shape. */
    List<NumericsReport.Finding> checkReference(NDManager manager) {
        ConvShape shape = new ConvShape(2, 3, 5, 9, 7, 3, 2, 1, List.of("the check's own reference"));
        ConvData data = ConvData.random(shape, new SplittableRandom(SEED));
        ConvResult engine = runConvolution(manager, ENGINE, shape, data, DataType.FLOAT64);
        ConvResult direct = DirectConvolution.run(shape, data);
        return compare("float64 reference convolution", shape, engine, direct, CONV_TOLERANCE);
    }

    /** Each shape's float32 convolution (the one under test) against the engine's float64 one. */
    public List<NumericsReport.Finding> checkConvolutions(NDManager manager, List<ConvShape> shapes) {
        List<NumericsReport.Finding> findings = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (ConvShape shape : shapes) {
            List<NumericsReport.Finding> worst = null;
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                ConvData data = ConvData.random(shape, random);
                try (NDManager scope = manager.newSubManager()) {
                    List<NumericsReport.Finding> found = compare("conv2d", shape,
                            runConvolution(scope, float32, shape, data, DataType.FLOAT32),
                            runConvolution(scope, ENGINE, shape, data, DataType.FLOAT64), CONV_TOLERANCE);
                    worst = worst == null ? found : worse(worst, found);
                }
            }
            findings.addAll(worst);
        }
        return findings;
    }

    private static List<NumericsReport.Finding> worse(List<NumericsReport.Finding> a, List<NumericsReport.Finding> b) {
        List<NumericsReport.Finding> worst = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            NumericsReport.Finding x = a.get(i);
            NumericsReport.Finding y = b.get(i);
            worst.add(Double.isNaN(y.error()) || y.error() > x.error() ? y : x);
        }
        return worst;
    }

    private static List<NumericsReport.Finding> compare(String op, ConvShape shape, ConvResult actual,
                                                        ConvResult reference, double tolerance) {
        String where = String.join(", ", shape.usedBy());
        String described = shape.describe();
        return List.of(
                new NumericsReport.Finding(op + " forward", described, where,
                        relativeError(actual.output, reference.output), tolerance),
                new NumericsReport.Finding(op + " input gradient", described, where,
                        relativeError(actual.inputGradient, reference.inputGradient), tolerance),
                new NumericsReport.Finding(op + " weight gradient", described, where,
                        relativeError(actual.weightGradient, reference.weightGradient), tolerance),
                new NumericsReport.Finding(op + " bias gradient", described, where,
                        relativeError(actual.biasGradient, reference.biasGradient), tolerance));
    }

    /** One convolution in {@code type}: output, and the gradients of {@code sum(output · upstream)}. */
    private static ConvResult runConvolution(NDManager manager, Convolution convolution, ConvShape shape,
                                             ConvData data, DataType type) {
        NDArray input = leaf(manager, data.input, shape.input(), type);
        NDArray weight = leaf(manager, data.weight, shape.weight(), type);
        NDArray bias = leaf(manager, data.bias, new Shape(shape.outChannels()), type);
        NDArray output;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            output = convolution.apply(input, weight, bias, shape);
            NDArray upstream = manager.create(data.upstream, output.getShape()).toType(type, false);
            collector.backward(output.mul(upstream).sum());
        }
        return new ConvResult(doubles(output), doubles(input.getGradient()), doubles(weight.getGradient()),
                doubles(bias.getGradient()));
    }

    private static NDArray leaf(NDManager manager, double[] values, Shape shape, DataType type) {
        NDArray array = manager.create(values, shape).toType(type, false);
        array.setRequiresGradient(true);
        return array;
    }

    /**
     * DEEM's CSR loss through fresh models of the same configuration, in float32 and in float64 with
     * identical parameters and inputs: the gradient at every parameter of the encoder and projection.
     */
    List<NumericsReport.Finding> checkCsrPath(NDManager manager, MiniDeemModels models) {
        ModelConfig config = models.config();
        try (MiniDeemModels single = MiniDeemModels.create(manager, config, models.tokenizer());
             MiniDeemModels precise = MiniDeemModels.create(manager, config, models.tokenizer(), DataType.FLOAT64)) {
            copyParameters(single, precise);
            SplittableRandom random = new SplittableRandom(SEED + 2);
            CsrInputs inputs = CsrInputs.random(config, random);
            List<double[]> singleGradients = csrGradients(single, inputs, DataType.FLOAT32);
            List<double[]> preciseGradients = csrGradients(precise, inputs, DataType.FLOAT64);
            List<String> names = trainedParameterNames(single);
            // Some gradients are zero in exact arithmetic (an attention key's bias shifts every score
            // alike): their float32 rounding is measured against the largest gradient, not their own.
            double floor = SMALLEST_SCALE * preciseGradients.stream().mapToDouble(NumericsCheck::maxAbs).max().orElse(0);
            List<NumericsReport.Finding> findings = new ArrayList<>();
            String shape = String.format(Locale.ROOT, "batch %d, %dx%d images, %d visual tokens", PATH_BATCH,
                    config.imageSize(), config.imageSize(), config.visualTokens());
            for (int i = 0; i < names.size(); i++) {
                findings.add(new NumericsReport.Finding("CSR gradient at " + names.get(i), shape,
                        "DEEM's CSR loss through the frozen UNet",
                        relativeError(singleGradients.get(i), preciseGradients.get(i), floor), PATH_TOLERANCE));
            }
            return findings;
        }
    }

    private static List<Block> csrTrained(MiniDeemModels models) {
        MiniDeemModels.Eyes eyes = models.eyes(Variant.DEEM);
        return List.of(eyes.encoder(), eyes.projection());
    }

    private static List<String> trainedParameterNames(MiniDeemModels models) {
        List<String> names = new ArrayList<>();
        String[] blocks = {"deem-encoder", "deem-projection"};
        List<Block> trained = csrTrained(models);
        for (int b = 0; b < trained.size(); b++) {
            for (Pair<String, Parameter> p : trained.get(b).getParameters()) {
                names.add(BlockParameters.readableName(blocks[b] + "/" + p.getKey()));
            }
        }
        return names;
    }

    private static List<double[]> csrGradients(MiniDeemModels models, CsrInputs inputs, DataType type) {
        try (NDManager manager = models.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(models.manager(), false);
            MiniDeemModels.Eyes eyes = models.eyes(Variant.DEEM);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray images = manager.create(inputs.images, inputs.imageShape).toType(type, false);
                NDArray tokens = eyes.encoder().forward(ps, new NDList(images), true).singletonOrThrow();
                NDArray loss = ConsistencyLoss.loss(ps, eyes, new Diffusion(models.unet()), tokens,
                        manager.create(inputs.targets, inputs.targetShape).toType(type, false),
                        manager.create(inputs.objectMasks, inputs.maskShape).toType(type, false), 4f,
                        manager.create(inputs.noiseLevels).toType(type, false),
                        manager.create(inputs.noise, inputs.targetShape).toType(type, false));
                collector.backward(loss);
            }
            List<double[]> gradients = new ArrayList<>();
            for (Block block : csrTrained(models)) {
                for (Pair<String, Parameter> p : block.getParameters()) {
                    NDArray weight = p.getValue().getArray();
                    try (NDArray gradient = weight.getGradient()) {
                        gradients.add(doubles(gradient));
                    }
                }
            }
            return gradients;
        }
    }

    /** Copies every parameter of {@code source} (float32) into {@code target} (float64), value for value. */
    private static void copyParameters(MiniDeemModels source, MiniDeemModels target) {
        var sources = source.namedBlocks();
        var targets = target.namedBlocks();
        for (var entry : sources.entrySet()) {
            var from = entry.getValue().getParameters();
            var to = targets.get(entry.getKey()).getParameters();
            for (int i = 0; i < from.size(); i++) {
                NDArray value = from.get(i).getValue().getArray();
                to.get(i).getValue().getArray().set(DoubleBuffer.wrap(doubles(value)));
            }
        }
    }

    static double relativeError(double[] actual, double[] reference) {
        return relativeError(actual, reference, Double.MIN_NORMAL);
    }

    /** max |actual − reference| / max(max |reference|, floor); NaN when {@code actual} holds a NaN. */
    static double relativeError(double[] actual, double[] reference, double floor) {
        double scale = Math.max(maxAbs(reference), floor);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            double difference = Math.abs(actual[i] - reference[i]);
            if (Double.isNaN(difference)) {
                return Double.NaN;
            }
            worst = Math.max(worst, difference);
        }
        return worst / scale;
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double[] doubles(NDArray array) {
        return array.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    /** Values exactly representable in float32, so both precisions start from the same numbers. */
    static double[] randomValues(SplittableRandom random, long count, double low, double high) {
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        return values;
    }

    record ConvData(double[] input, double[] weight, double[] bias, double[] upstream) {
        static ConvData random(ConvShape shape, SplittableRandom random) {
            double fanIn = shape.inChannels() * shape.kernel() * shape.kernel();
            double bound = 1 / Math.sqrt(fanIn);
            long outputs = (long) shape.batch() * shape.outChannels() * shape.outputSize(shape.height())
                    * shape.outputSize(shape.width());
            return new ConvData(randomValues(random, shape.input().size(), -1, 1),
                    randomValues(random, shape.weight().size(), -bound, bound),
                    randomValues(random, shape.outChannels(), -bound, bound),
                    randomValues(random, outputs, -1, 1));
        }
    }

    record ConvResult(double[] output, double[] inputGradient, double[] weightGradient, double[] biasGradient) {
    }

    private record CsrInputs(double[] images, Shape imageShape, double[] targets, Shape targetShape,
                             double[] objectMasks, Shape maskShape, double[] noiseLevels, double[] noise) {
        static CsrInputs random(ModelConfig config, SplittableRandom random) {
            Shape images = new Shape(PATH_BATCH, 3, config.imageSize(), config.imageSize());
            Shape targets = new Shape(PATH_BATCH, 3, config.diffusionSize(), config.diffusionSize());
            Shape masks = new Shape(PATH_BATCH, 1, config.diffusionSize(), config.diffusionSize());
            double[] mask = randomValues(random, masks.size(), 0, 1);
            for (int i = 0; i < mask.length; i++) {
                mask[i] = mask[i] < 0.3 ? 1 : 0;
            }
            return new CsrInputs(randomValues(random, images.size(), -1, 1), images,
                    randomValues(random, targets.size(), -1, 1), targets, mask, masks,
                    randomValues(random, PATH_BATCH, 0.4, 0.9), gaussian(random, targets.size()));
        }

        private static double[] gaussian(SplittableRandom random, long count) {
            double[] values = new double[Math.toIntExact(count)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            return values;
        }
    }
}
