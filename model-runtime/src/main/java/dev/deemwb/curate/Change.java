package dev.deemwb.curate;

import java.time.Instant;

/** One entry of an item's history: who set which field from what to what, and when. */
public record Change(Instant time, String annotator, String field, String from, String to) {
}
