package dev.deemwb.numerics;

/**
 * A convolution and its gradients computed the slow, obvious way, in double precision: the check of
 * the check's float64 reference. {@code y[b,o,i,j] = bias[o] + Σ w[o,c,u,v] · x[b,c,i·s+u−p, j·s+v−p]};
 * with upstream {@code g}, {@code dx += w·g}, {@code dw += x·g}, {@code db += g}.
 */
final class DirectConvolution {

    private DirectConvolution() {
    }

    static NumericsCheck.ConvResult run(ConvShape shape, NumericsCheck.ConvData data) {
        int batch = shape.batch();
        int in = shape.inChannels();
        int out = shape.outChannels();
        int height = shape.height();
        int width = shape.width();
        int k = shape.kernel();
        int outHeight = shape.outputSize(height);
        int outWidth = shape.outputSize(width);
        double[] x = data.input();
        double[] w = data.weight();
        double[] g = data.upstream();
        double[] y = new double[batch * out * outHeight * outWidth];
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        double[] db = new double[out];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < outHeight; i++) {
                    for (int j = 0; j < outWidth; j++) {
                        int yIndex = ((b * out + o) * outHeight + i) * outWidth + j;
                        double sum = data.bias()[o];
                        double upstream = g[yIndex];
                        for (int c = 0; c < in; c++) {
                            for (int u = 0; u < k; u++) {
                                int row = i * shape.stride() + u - shape.padding();
                                if (row < 0 || row >= height) {
                                    continue;
                                }
                                for (int v = 0; v < k; v++) {
                                    int column = j * shape.stride() + v - shape.padding();
                                    if (column < 0 || column >= width) {
                                        continue;
                                    }
                                    int xIndex = ((b * in + c) * height + row) * width + column;
                                    int wIndex = ((o * in + c) * k + u) * k + v;
                                    sum += w[wIndex] * x[xIndex];
                                    dx[xIndex] += w[wIndex] * upstream;
                                    dw[wIndex] += x[xIndex] * upstream;
                                }
                            }
                        }
                        y[yIndex] = sum;
                        db[o] += upstream;
                    }
                }
            }
        }
        return new NumericsCheck.ConvResult(y, dx, dw, db);
    }
}
