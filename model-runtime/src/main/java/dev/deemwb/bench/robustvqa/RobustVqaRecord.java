package dev.deemwb.bench.robustvqa;

import static dev.deemwb.bench.Checks.requireNonBlank;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One RobustVQA record: an image and two captions, the true one and a wrong one. It yields two
 * yes/no questions (see {@link RobustVqaQuestion}).
 *
 * @param fileName     the image path, relative to the benchmark's image root
 * @param gtCaption    what the image's main object is
 * @param errorCaption what it is not
 */
@JsonPropertyOrder({"file_name", "gt_caption", "error_caption"})
public record RobustVqaRecord(
        @JsonProperty("file_name") String fileName,
        @JsonProperty("gt_caption") String gtCaption,
        @JsonProperty("error_caption") String errorCaption) {

    public RobustVqaRecord {
        requireNonBlank("file_name", fileName);
        requireNonBlank("gt_caption", gtCaption);
        requireNonBlank("error_caption", errorCaption);
    }
}
