package dev.deemwb.bench.mini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.world.Scene;
import dev.deemwb.world.Shape;
import dev.deemwb.world.WorldPriors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MiniPopeSamplerTest {

    private static final MiniPopeSampler.Sample SAMPLE = MiniPopeSampler.sample(11, 200, 3);

    @Test
    void imagesHaveThreeObjectsAndBalancedQuestions() {
        assertThat(SAMPLE.items()).hasSize(200).allSatisfy(item -> {
            assertThat(item.scene().shapes()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(item.positives()).hasSize(3).allMatch(item.scene()::contains);
            item.negatives().values().forEach(negatives -> assertThat(negatives).hasSize(3));
        });
    }

    @Test
    void negativesAreAbsentAndNeverRepeatedForAnImage() {
        for (MiniPopeSampler.Item item : SAMPLE.items()) {
            for (List<Shape> negatives : item.negatives().values()) {
                assertThat(negatives).doesNotHaveDuplicates().noneMatch(item.scene()::contains);
            }
        }
    }

    @Test
    void adversarialNegativesAreTheMostCoOccurringAbsentObjects() {
        // Recount co-occurrence over the images independently of the sampler.
        Map<Shape, Map<Shape, Integer>> together = new EnumMap<>(Shape.class);
        for (MiniPopeSampler.Item item : SAMPLE.items()) {
            for (Shape a : item.scene().shapes()) {
                for (Shape b : item.scene().shapes()) {
                    if (a != b) {
                        together.computeIfAbsent(a, x -> new EnumMap<>(Shape.class)).merge(b, 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(SAMPLE.coOccurrence()).isEqualTo(together);
        for (MiniPopeSampler.Item item : SAMPLE.items()) {
            List<Shape> adversarial = item.negatives().get(NegativeSampling.ADVERSARIAL);
            int weakestChosen = adversarial.stream().mapToInt(s -> score(s, item.scene(), together)).min().orElseThrow();
            for (Shape other : absentExcept(item.scene(), adversarial)) {
                assertThat(score(other, item.scene(), together))
                        .as("%s left out of %s for %s", other, adversarial, item.scene().shapes())
                        .isLessThanOrEqualTo(weakestChosen);
            }
        }
    }

    @Test
    void popularNegativesAreTheMostFrequentAbsentObjects() {
        for (MiniPopeSampler.Item item : SAMPLE.items()) {
            List<Shape> popular = item.negatives().get(NegativeSampling.POPULAR);
            int leastChosen = popular.stream().mapToInt(s -> SAMPLE.frequency().getOrDefault(s, 0)).min().orElseThrow();
            for (Shape other : absentExcept(item.scene(), popular)) {
                assertThat(SAMPLE.frequency().getOrDefault(other, 0)).isLessThanOrEqualTo(leastChosen);
            }
        }
    }

    @Test
    void adversarialDiffersFromRandomBecauseOfThePriors() {
        // With partners in the world (cross→circle, star→crescent…) the adversarial split asks about
        // partners far more often than chance.
        int adversarialPartners = 0;
        int randomPartners = 0;
        for (MiniPopeSampler.Item item : SAMPLE.items()) {
            adversarialPartners += partnersAsked(item, NegativeSampling.ADVERSARIAL);
            randomPartners += partnersAsked(item, NegativeSampling.RANDOM);
        }
        assertThat(adversarialPartners).isGreaterThan(randomPartners);
    }

    private static int partnersAsked(MiniPopeSampler.Item item, NegativeSampling sampling) {
        Map<Shape, Shape> partners = WorldPriors.standard().partners();
        Set<Shape> expected = new HashSet<>();
        item.scene().shapes().forEach(s -> {
            if (partners.containsKey(s)) {
                expected.add(partners.get(s));
            }
        });
        return (int) item.negatives().get(sampling).stream().filter(expected::contains).count();
    }

    private static int score(Shape candidate, Scene scene, Map<Shape, Map<Shape, Integer>> together) {
        int sum = 0;
        for (Shape present : scene.shapes()) {
            sum += together.getOrDefault(present, Map.of()).getOrDefault(candidate, 0);
        }
        return sum;
    }

    private static List<Shape> absentExcept(Scene scene, List<Shape> chosen) {
        List<Shape> rest = new ArrayList<>();
        for (Shape s : Shape.values()) {
            if (!scene.contains(s) && !chosen.contains(s)) {
                rest.add(s);
            }
        }
        return rest;
    }
}
