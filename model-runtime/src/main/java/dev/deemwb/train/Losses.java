package dev.deemwb.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.deemwb.model.nn.Scalars;

/** The losses the stages share. */
final class Losses {

    private Losses() {
    }

    /**
     * Symmetric InfoNCE over a batch of matched (image, caption) embeddings, both L2-normalised:
     * each image must pick its own caption among the batch's, and each caption its image. An untrained
     * pair of encoders scores ln(B); learning shows as the loss falling well below it.
     */
    static NDArray contrastive(NDArray imageEmbeddings, NDArray textEmbeddings, float logitScale) {
        NDArray logits = Scalars.times(imageEmbeddings.matMul(textEmbeddings.transpose()), logitScale);
        long batch = logits.getShape().get(0);
        NDArray diagonal = logits.getManager().eye((int) batch);
        NDArray imageToText = logits.logSoftmax(1).mul(diagonal).sum();
        NDArray textToImage = logits.logSoftmax(0).mul(diagonal).sum();
        return Scalars.dividedBy(imageToText.add(textToImage), -2f * batch);
    }

    /** Mean cross-entropy of next-word logits {@code (B, T, V)} at the positions where {@code scored} is 1. */
    static NDArray maskedCrossEntropy(NDArray logits, NDArray targets, NDArray scored) {
        long vocabulary = logits.getShape().get(2);
        NDArray logProbabilities = logits.logSoftmax(2);
        NDArray picked = logProbabilities.mul(targets.toType(DataType.INT32, false).oneHot((int) vocabulary))
                .sum(new int[] {2});
        return picked.mul(scored).sum().div(scored.sum()).neg();
    }
}
