package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTableTest {

    @Test
    void aFractionOverNothingPrintsAsNotApplicableNotZero() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("pair_accuracy", 0.25);
        report.put("pair_color_accuracy", null);
        report.put("pair_color_n", 0);
        StringWriter text = new StringWriter();

        MetricsTable.print(new PrintWriter(text, true), "mmvp", report);

        assertThat(text.toString().lines()).containsExactly("mmvp", "  pair_accuracy        0.2500  (25.00 %)",
                "  pair_color_accuracy  n/a", "  pair_color_n         0");
    }
}
