package dev.deemwb.contender;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Tokens a server says a request used (OpenAI's {@code usage}); absent where it reports none. */
public record TokenUsage(@JsonProperty("prompt_tokens") int promptTokens,
                         @JsonProperty("completion_tokens") int completionTokens) {
}
