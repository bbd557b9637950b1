package dev.deemwb.train;

/**
 * The eight rotations by 90° and reflections of a square image: the CLIP stage's caption-preserving
 * augmentation. A caption ("a triangle and two circles") stays true under all of them, while
 * orientation and position do not — so a contrastive encoder learns to ignore exactly those.
 */
final class Dihedral {

    static final int COUNT = 8;

    private Dihedral() {
    }

    /**
     * {@code op} 0..7: {@code op % 4} quarter turns clockwise, then a left-right mirror when
     * {@code op ≥ 4}. Works on channels-first arrays of any channel count.
     */
    static float[] apply(float[] chw, int channels, int size, int op) {
        if (op == 0) {
            return chw;
        }
        float[] out = new float[chw.length];
        int turns = op % 4;
        boolean mirror = op >= 4;
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sx = mirror ? size - 1 - x : x;
                int sy = y;
                // Undo `turns` clockwise quarter turns: a clockwise turn maps (x, y) → (size-1-y, x).
                for (int t = 0; t < turns; t++) {
                    int previousX = sy;
                    sy = size - 1 - sx;
                    sx = previousX;
                }
                for (int c = 0; c < channels; c++) {
                    out[c * plane + y * size + x] = chw[c * plane + sy * size + sx];
                }
            }
        }
        return out;
    }
}
