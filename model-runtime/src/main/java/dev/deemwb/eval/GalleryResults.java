package dev.deemwb.eval;

import dev.deemwb.contender.Contender;
import dev.deemwb.contender.PreparedImage;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.world.Category;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.SampleImages;
import dev.deemwb.world.SampleResults;
import dev.deemwb.world.SceneRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks two models about every gallery sample, on the picture as the gallery ships it, and measures
 * per category how their answers fall together over fresh scenes ({@link CategoryProbe#hits}): what
 * the sidecars keep so the gallery can say whether a pictured success is typical.
 */
public final class GalleryResults {

    private GalleryResults() {
    }

    /**
     * @param pair         the two models, first and second (the baseline, then DEEM)
     * @param pictureSize  the side the gallery's pictures are drawn at
     * @param modelSize    the side the fresh scenes are drawn at (the models' input size)
     * @param seed         the fresh scenes' seed: one no bundle trains on
     */
    public static List<SampleImages.Sample> answer(List<SampleImages.Sample> samples, List<Contender> pair,
                                                   String bundle, int pictureSize, int modelSize, long seed,
                                                   int scenes) {
        if (pair.size() != 2) {
            throw new IllegalArgumentException("the gallery compares two models, not " + pair.size());
        }
        Map<Category, CategoryProbe.Hits> hits = new CategoryProbe(pair, modelSize).hits(seed, scenes);
        SceneRenderer renderer = new SceneRenderer();
        List<String> models = pair.stream().map(Contender::id).toList();
        List<SampleImages.Sample> answered = new ArrayList<>(samples.size());
        for (SampleImages.Sample sample : samples) {
            var picture = renderer.render(sample.scene(), pictureSize, sample.shift());
            List<Map<String, String>> byQuestion = new ArrayList<>();
            sample.suggestedQuestions().forEach(q -> byQuestion.add(new LinkedHashMap<>()));
            for (Contender model : pair) {
                List<String> said = ask(model, model.prepare(picture), sample.suggestedQuestions());
                for (int i = 0; i < said.size(); i++) {
                    byQuestion.get(i).put(model.id(), said.get(i));
                }
            }
            List<SampleResults.Answered> rows = new ArrayList<>();
            for (int i = 0; i < byQuestion.size(); i++) {
                QaPair qa = sample.suggestedQuestions().get(i);
                rows.add(new SampleResults.Answered(qa.question(), qa.answer(), byQuestion.get(i)));
            }
            CategoryProbe.Hits focus = sample.focus() == null ? null : hits.get(sample.focus());
            SampleResults.HitRate hitRate = focus == null ? null : new SampleResults.HitRate(sample.focus().id(), seed,
                    scenes, focus.questions(), focus.bothRight(), focus.firstOnly(), focus.secondOnly());
            answered.add(sample.withResults(new SampleResults(bundle, models, rows, hitRate)));
        }
        return answered;
    }

    /** Each question's answer, or "(no answer: why)" where the model gave none. */
    private static List<String> ask(Contender model, PreparedImage image, List<QaPair> questions) {
        List<Question> asked = questions.stream().map(q -> new Question(image, q.question())).toList();
        List<Reply> replies = model.answer(asked).join();
        return replies.stream().map(r -> r.isAnswered() ? r.text() : "(no answer: " + r.error() + ")").toList();
    }
}
