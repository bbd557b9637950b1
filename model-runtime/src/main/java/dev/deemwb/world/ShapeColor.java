package dev.deemwb.world;

import java.awt.Color;

/** The fixed palette; each colour has one name, used in captions, questions and answers. */
public enum ShapeColor {
    RED("red", 0xDC2828),
    GREEN("green", 0x28AA3C),
    BLUE("blue", 0x2850DC),
    YELLOW("yellow", 0xEBC81E),
    PURPLE("purple", 0x963CBE),
    ORANGE("orange", 0xF58214);

    private final String word;
    private final int rgb;

    ShapeColor(String word, int rgb) {
        this.word = word;
        this.rgb = rgb;
    }

    public String word() {
        return word;
    }

    public Color awtColor() {
        return new Color(rgb);
    }
}
