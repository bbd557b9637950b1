package dev.deemwb.contender;

/** One question about one image, the image already {@linkplain Contender#prepare prepared} by the contender asked. */
public record Question(PreparedImage image, String text) {
}
