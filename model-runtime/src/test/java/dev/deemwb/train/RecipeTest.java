package dev.deemwb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deemwb.io.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipeTest {

    @Test
    void fieldsAreChangedByTheirManifestNames() {
        Recipe changed = Recipe.standard().with(Map.of("lmmSteps", "8000", "captionColorProbability", "0"));

        assertThat(changed.lmmSteps()).isEqualTo(8000);
        assertThat(changed.captionColorProbability()).isZero();
        assertThat(changed.with(Map.of("lmmSteps", "2500", "captionColorProbability", "0.3")))
                .isEqualTo(Recipe.standard());
    }

    @Test
    void anUnknownFieldIsRefusedWithTheNamesThatExist() {
        assertThatThrownBy(() -> Recipe.standard().with(Map.of("lmmStep", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown recipe field 'lmmStep'").hasMessageContaining("lmmSteps, lmmBatch");
    }

    @Test
    void aValueOfTheWrongKindIsRefused() {
        assertThatThrownBy(() -> Recipe.standard().with(Map.of("lmmSteps", "2.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recipe field 'lmmSteps' takes a whole number, not '2.5'");
        assertThatThrownBy(() -> Recipe.standard().with(Map.of("csrWeight", "heavy")))
                .hasMessage("recipe field 'csrWeight' takes a number, not 'heavy'");
        assertThatThrownBy(() -> Recipe.standard().with(Map.of("lmmSteps", "-5")))
                .hasMessage("recipe field 'lmmSteps' takes a finite value of 0 or more, not '-5'");
        assertThatThrownBy(() -> Recipe.standard().with(Map.of("csrWeight", "NaN")))
                .hasMessageContaining("finite value of 0 or more");
    }

    @Test
    void aManifestWrittenBeforeAFieldExistedReadsAsItsNamedRecipe() {
        ObjectNode recorded = Json.mapper().valueToTree(Recipe.standard().with(Map.of("lmmSteps", "8000")));
        recorded.remove("captionColorProbability");

        Recipe read = Recipe.fromManifest("standard+lmmSteps=8000", recorded);

        assertThat(read.lmmSteps()).isEqualTo(8000);
        assertThat(read.captionColorProbability()).isEqualTo(Recipe.standard().captionColorProbability());
    }
}
