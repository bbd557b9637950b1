package dev.deemwb.bench.mmvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MmvpPatternTest {

    /** The type strings of the real MMVP-VLM file, and a few spellings of our own. */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Orientation and Direction          | ORIENTATION",
        "Presence of Specific Features      | PRESENCE",
        "State and Condition                | STATE",
        "Quantity and Count                 | QUANTITY",
        "Positional and Relational Context  | POSITIONAL",
        "Color and Appearance               | COLOR",
        "Structural Characteristics         | STRUCTURAL",
        "Texts                              | TEXT",
        "Viewpoint and Perspective          | VIEWPOINT",
        "colour                             | COLOR",
        "spatial                            | POSITIONAL",
        "quantity/count                     | QUANTITY",
        "ORIENTATION                        | ORIENTATION",
    })
    void parsesLeniently(String name, MmvpPattern expected) {
        assertThat(MmvpPattern.parse(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(MmvpPattern.class)
    void displayNameAndIdParseBack(MmvpPattern pattern) {
        assertThat(MmvpPattern.parse(pattern.displayName())).isEqualTo(pattern);
        assertThat(MmvpPattern.parse(pattern.id())).isEqualTo(pattern);
    }

    @Test
    void unknownAndAmbiguousNamesAreRejected() {
        assertThatThrownBy(() -> MmvpPattern.parse("Shapes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown visual pattern 'Shapes' (expected one of: Orientation and Direction, ");
        assertThatThrownBy(() -> MmvpPattern.parse("colour of the text"))
                .hasMessageStartingWith("ambiguous visual pattern 'colour of the text'");
    }
}
