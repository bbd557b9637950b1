package dev.deemwb.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurationQueueTest {

    private static CurationItem item(String image, Map<String, String> fields, ContenderAnswer... answers) {
        return new CurationItem(image, ItemState.NEW, fields, List.of(answers), List.of());
    }

    private static ContenderAnswer said(String contender, String answer, Double confidence) {
        return new ContenderAnswer(contender, answer, confidence);
    }

    @Test
    void failuresFirstPutsDisagreementThenConfidentWrongnessFirstAndUnaskedItemsLast() {
        CurationProject project = CurationProject.create("images", List.of(
                item("unasked.png", Map.of()),
                item("agree-right.png", Map.of("answer", "cat"), said("baseline", "cat", 0.9), said("deem", "Cat.", 0.8)),
                item("agree-wrong.png", Map.of("answer", "cat"), said("baseline", "dog", 0.7), said("deem", "dog", 0.6)),
                item("disagree-unsure.png", Map.of("answer", "cat"), said("baseline", "dog", 0.3), said("deem", "cat", 0.9)),
                item("disagree-sure.png", Map.of("answer", "cat"), said("baseline", "dog", 0.95), said("deem", "cat", 0.5)),
                item("disagree-no-truth.png", Map.of(), said("baseline", "dog", 0.4), said("deem", "cat", null))));

        assertThat(CurationQueue.of(project, CurationQueue.Filter.all(), CurationQueue.Order.FAILURES_FIRST))
                .extracting(CurationItem::image).containsExactly("disagree-sure.png", "disagree-unsure.png",
                        "disagree-no-truth.png", "agree-wrong.png", "agree-right.png", "unasked.png");
        assertThat(CurationQueue.of(project, CurationQueue.Filter.all(), CurationQueue.Order.PROJECT))
                .extracting(CurationItem::image).startsWith("unasked.png", "agree-right.png");
    }

    @Test
    void filtersByStateTagAndCategory() {
        CurationItem accepted = new CurationItem("a.png", ItemState.ACCEPTED,
                Map.of("tags", "hard,fish", "category", "colour"), List.of(), List.of());
        CurationItem other = new CurationItem("b.png", ItemState.NEW, Map.of("tags", "fish"), List.of(), List.of());
        CurationProject project = CurationProject.create("images", List.of(accepted, other));

        assertThat(CurationQueue.of(project, new CurationQueue.Filter(Optional.of(ItemState.ACCEPTED), Optional.empty(),
                Optional.empty()), CurationQueue.Order.PROJECT)).containsExactly(accepted);
        assertThat(CurationQueue.of(project, new CurationQueue.Filter(Optional.empty(), Optional.of(" FISH"),
                Optional.empty()), CurationQueue.Order.PROJECT)).containsExactly(accepted, other);
        assertThat(CurationQueue.of(project, new CurationQueue.Filter(Optional.empty(), Optional.empty(),
                Optional.of(ItemCategory.COLOR)), CurationQueue.Order.PROJECT)).containsExactly(accepted);
    }

    @Test
    void theErrorCaptionSuggestionSwapsTheRightAnswerForTheMostConfidentWrongOne() {
        CurationItem goldfish = item("a.png", Map.of("answer", "goldfish", "gt_caption", "a photo of a goldfish"),
                said("baseline", "apple", 0.4), said("deem", "shark", 0.8), said("third", "goldfish", 0.9));
        assertThat(Suggestions.errorCaption(goldfish)).contains("a photo of a shark");

        CurationItem vowel = item("a.png", Map.of("answer", "goldfish", "gt_caption", "A goldfish in a bowl"),
                said("baseline", "orange.", 0.4));
        assertThat(Suggestions.errorCaption(vowel)).contains("An orange in a bowl");

        CurationItem noCaption = item("a.png", Map.of("answer", "cat"), said("baseline", "owl", null));
        assertThat(Suggestions.errorCaption(noCaption)).contains("a photo of an owl");

        CurationItem allRight = item("a.png", Map.of("answer", "cat"), said("baseline", "a cat", 0.5));
        assertThat(Suggestions.errorCaption(allRight)).isEmpty();
        CurationItem noTruth = item("a.png", Map.of(), said("baseline", "cat", 0.5), said("deem", "dog", 0.5));
        assertThat(Suggestions.errorCaption(noTruth)).isEmpty();
    }
}
