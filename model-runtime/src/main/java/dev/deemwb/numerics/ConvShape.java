package dev.deemwb.numerics;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import dev.deemwb.model.BlockParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One square 2-D convolution as the models run it: channels in and out, the input's height and
 * width, kernel, stride and padding, and the blocks that use it (for the message naming it).
 */
public record ConvShape(int batch, int inChannels, int outChannels, int height, int width, int kernel, int stride,
                        int padding, List<String> usedBy) {

    public ConvShape {
        usedBy = List.copyOf(usedBy);
    }

    /** The same convolution run on {@code batch} images. */
    public ConvShape withBatch(int newBatch) {
        return new ConvShape(newBatch, inChannels, outChannels, height, width, kernel, stride, padding, usedBy);
    }

    public Shape input() {
        return new Shape(batch, inChannels, height, width);
    }

    public Shape weight() {
        return new Shape(outChannels, inChannels, kernel, kernel);
    }

    public int outputSize(int side) {
        return (side + 2 * padding - kernel) / stride + 1;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d→%d channels, %dx%d kernel, stride %d, padding %d, on %dx%d (batch %d)",
                inChannels, outChannels, kernel, kernel, stride, padding, height, width, batch);
    }

    /**
     * Every distinct convolution under the given blocks, as initialised (their input shapes are
     * known then), in the order first met. Keyed by everything but the batch and the users.
     */
    public static List<ConvShape> of(Map<String, Block> blocks, int batch) {
        Map<String, ConvShape> shapes = new LinkedHashMap<>();
        blocks.forEach((name, block) -> collect(name, block, batch, shapes));
        return new ArrayList<>(shapes.values());
    }

    private static void collect(String path, Block block, int batch, Map<String, ConvShape> shapes) {
        if (block instanceof Conv2d conv) {
            Shape input = conv.getInputShapes()[0];
            ConvShape shape = new ConvShape(batch, (int) input.get(1), conv.getFilters(), (int) input.get(2),
                    (int) input.get(3), (int) conv.getKernelShape().get(0), (int) conv.getStride().get(0),
                    (int) conv.getPadding().get(0), List.of(BlockParameters.readableName(path)));
            String key = shape.withBatch(0).describe();
            shapes.merge(key, shape, (old, added) -> new ConvShape(batch, old.inChannels, old.outChannels, old.height,
                    old.width, old.kernel, old.stride, old.padding, concat(old.usedBy, added.usedBy)));
            return;
        }
        block.getChildren().forEach(child -> collect(path + "/" + child.getKey(), child.getValue(), batch, shapes));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
