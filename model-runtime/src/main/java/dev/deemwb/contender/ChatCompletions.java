package dev.deemwb.contender;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The parts of the OpenAI chat-completions API the workbench speaks, as client and as server
 * ({@code ./deemwb serve}): requests with one image as a data URL and a text part, answers with their
 * choices and usage, the model list and the error body. Unknown fields are ignored (the shared
 * mapper's setting), so any compatible server's extras pass.
 */
public final class ChatCompletions {

    public static final String CHAT_PATH = "/chat/completions";
    public static final String MODELS_PATH = "/models";

    private ChatCompletions() {
    }

    /**
     * A request: one user message whose content is the image, then the question; with
     * {@code logprobs}, the {@code top_logprobs} most likely tokens at each answer position.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String model, List<Message> messages, double temperature,
                          @JsonProperty("max_tokens") int maxTokens, Boolean logprobs,
                          @JsonProperty("top_logprobs") Integer topLogprobs) {
    }

    public record Message(String role, List<Part> content) {
    }

    /** A content part: {@code {"type": "text", "text"}} or {@code {"type": "image_url", "image_url": {"url"}}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String type, String text, @JsonProperty("image_url") ImageUrl imageUrl) {

        public static Part text(String text) {
            return new Part("text", text, null);
        }

        public static Part image(String dataUrl) {
            return new Part("image_url", null, new ImageUrl(dataUrl));
        }
    }

    public record ImageUrl(String url) {
    }

    /** An answer. {@code usage} is null where the server reports none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(String id, String object, Long created, String model, List<Choice> choices,
                           TokenUsage usage) {
    }

    /** {@code logprobs} is null unless asked for (and given). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(int index, AnswerMessage message, Logprobs logprobs,
                         @JsonProperty("finish_reason") String finishReason) {
    }

    /** Per answer token, its log-probability and the most likely tokens in its place. */
    public record Logprobs(List<TokenLogprob> content) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenLogprob(String token, double logprob, @JsonProperty("top_logprobs") List<TopLogprob> topLogprobs) {
    }

    public record TopLogprob(String token, double logprob) {
    }

    public record AnswerMessage(String role, String content) {
    }

    /** {@code GET /models}. */
    public record ModelList(String object, List<ModelEntry> data) {
    }

    public record ModelEntry(String id, String object, @JsonProperty("owned_by") String ownedBy) {
    }

    /** {@code {"error": {"message", "type", "code"}}}, as OpenAI and the serving engines send it. */
    public record ErrorBody(ErrorDetail error) {

        public static ErrorBody of(String message, String type, String code) {
            return new ErrorBody(new ErrorDetail(message, type, code));
        }
    }

    public record ErrorDetail(String message, String type, String code) {
    }
}
