package dev.deemwb.world;

/** A templated question about a scene and its one correct answer (a single vocabulary word). */
public record QaPair(Category category, String question, String answer) {
}
