package dev.deemwb.world;

import java.util.EnumMap;
import java.util.Map;

/**
 * How often things happen in the shapes world. Shapes have unequal base frequencies (so POPE's
 * "popular" negatives mean something) and partners that tend to come along (so its "adversarial"
 * negatives do): a cross usually comes with a circle, a star with a crescent, a heart with a diamond,
 * a square with a triangle.
 *
 * @param objectCountWeights weight of 1, 2, 3 and 4 objects
 * @param partnerProbability chance that the next object is the partner of one already placed
 */
public record WorldPriors(Map<Shape, Double> shapeWeights, double[] objectCountWeights,
                          Map<Shape, Shape> partners, double partnerProbability,
                          double filledProbability) {

    public static WorldPriors standard() {
        Map<Shape, Double> weights = new EnumMap<>(Shape.class);
        weights.put(Shape.CIRCLE, 0.20);
        weights.put(Shape.SQUARE, 0.16);
        weights.put(Shape.TRIANGLE, 0.18);
        weights.put(Shape.DIAMOND, 0.10);
        weights.put(Shape.CROSS, 0.09);
        weights.put(Shape.STAR, 0.10);
        weights.put(Shape.HEART, 0.09);
        weights.put(Shape.CRESCENT, 0.08);
        Map<Shape, Shape> partners = new EnumMap<>(Shape.class);
        partners.put(Shape.CROSS, Shape.CIRCLE);
        partners.put(Shape.STAR, Shape.CRESCENT);
        partners.put(Shape.HEART, Shape.DIAMOND);
        partners.put(Shape.SQUARE, Shape.TRIANGLE);
        return new WorldPriors(weights, new double[] {0.2, 0.3, 0.3, 0.2}, partners, 0.6, 0.5);
    }
}
