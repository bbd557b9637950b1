package dev.deemwb.app.probes.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartExportsTest {

    private static JFreeChart bars() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(0.25, "baseline", "accuracy");
        data.addValue(0.5, "baseline", "pair · colour, hue");
        data.addValue(0.75, "deem", "accuracy");
        data.addValue(1.0, "deem", "pair · colour, hue");
        return ChartFactory.createBarChart("t", null, "fraction", data, PlotOrientation.VERTICAL, true, false, false);
    }

    @Test
    void barDataIsOneRowPerSeriesAndCategoryWithCommasQuoted() {
        assertThat(ChartExports.csv(bars())).isEqualTo("""
                series,category,value
                baseline,accuracy,0.250000
                baseline,"pair · colour, hue",0.500000
                deem,accuracy,0.750000
                deem,"pair · colour, hue",1.000000
                """);
    }

    @Test
    void lineDataIsOneRowPerPoint() {
        XYSeries blur = new XYSeries("deem · blur");
        blur.add(1, 0.9);
        blur.add(5, 0.4);
        JFreeChart chart = ChartFactory.createXYLineChart("t", "severity", "accuracy", new XYSeriesCollection(blur),
                PlotOrientation.VERTICAL, true, false, false);

        assertThat(ChartExports.csv(chart)).isEqualTo("series,x,y\ndeem · blur,1.000000,0.900000\ndeem · blur,5.000000,0.400000\n");
    }

    @Test
    void pngAndSvgAreImagesOfTheAskedSize() throws Exception {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ChartExports.png(bars(), 320, 200)));
        String svg = ChartExports.svg(bars(), 320, 200);

        assertThat(png.getWidth()).isEqualTo(320);
        assertThat(png.getHeight()).isEqualTo(200);
        assertThat(svg).contains("<svg", "width='320.0'", "height='200.0'", ">baseline</text>");
    }
}
