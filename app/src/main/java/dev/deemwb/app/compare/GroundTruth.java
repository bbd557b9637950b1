package dev.deemwb.app.compare;

import dev.deemwb.world.Language;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.Shape;
import java.util.Optional;

/** The right answer to a question about a scene of the world, when the question is one of its templates. */
final class GroundTruth {

    private GroundTruth() {
    }

    static Optional<String> of(Scene scene, String question) {
        String asked = String.join(" ", Language.splitWords(question));
        for (QaPair qa : Questions.all(scene)) {
            if (String.join(" ", Language.splitWords(qa.question())).equals(asked)) {
                return Optional.of(qa.answer());
            }
        }
        // Presence is asked of every shape, but a scene's own list balances yes with a few no's only.
        for (Shape shape : Shape.values()) {
            if (String.join(" ", Language.splitWords(Questions.presence(shape))).equals(asked)) {
                return Optional.of(scene.contains(shape) ? "yes" : "no");
            }
        }
        return Optional.empty();
    }
}
