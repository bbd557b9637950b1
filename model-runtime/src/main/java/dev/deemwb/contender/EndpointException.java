package dev.deemwb.contender;

/**
 * An endpoint could not be used, with the reason a user reads (never holding the API key).
 * {@code wholeEndpoint}: the reason holds for every request (a refused key, an unknown model, a model
 * without image input, a TLS failure), so no further request is sent.
 */
public final class EndpointException extends RuntimeException {

    private final boolean wholeEndpoint;

    EndpointException(String message, boolean wholeEndpoint) {
        super(message);
        this.wholeEndpoint = wholeEndpoint;
    }

    public boolean wholeEndpoint() {
        return wholeEndpoint;
    }
}
