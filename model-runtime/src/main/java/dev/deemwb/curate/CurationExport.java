package dev.deemwb.curate;

import dev.deemwb.bench.AnswerCleaning;
import dev.deemwb.bench.Csv;
import dev.deemwb.bench.YesNo;
import dev.deemwb.bench.mmvp.MmvpChoice;
import dev.deemwb.bench.mmvp.MmvpFiles;
import dev.deemwb.bench.mmvp.MmvpOptions;
import dev.deemwb.bench.mmvp.MmvpPair;
import dev.deemwb.bench.mmvp.MmvpQuestion;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.bench.robustvqa.RobustVqaDataset;
import dev.deemwb.bench.robustvqa.RobustVqaFiles;
import dev.deemwb.bench.robustvqa.RobustVqaRecord;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.io.Png;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes a project's accepted items in a benchmark's own format, so the probes runner reads and
 * scores them like the real files; the CSV holds every item, whatever its state. Image paths in the
 * files are relative to {@code <out>/images} when images are copied or linked there, else to the
 * project's image folder. Items a format cannot hold are skipped, each with its reason.
 */
public final class CurationExport {

    public enum Format {
        ROBUSTVQA, POPE, MMVP, CSV;

        public static Format fromKey(String key) {
            return valueOf(key.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** How images reach the export: copied or (symbolically) linked into {@code <out>/images}, or left where they are. */
    public enum Images {
        COPY, LINK, NONE;

        public static Images fromKey(String key) {
            return valueOf(key.strip().toUpperCase(Locale.ROOT));
        }
    }

    public static final String IMAGES = "images";
    public static final String ROBUSTVQA_FILE = "robustvqa.json";
    public static final String CSV_FILE = "items.csv";
    /** RobustVQA split, or POPE file, of an item with none. */
    public static final String DEFAULT_SPLIT = "curated";

    /** An item left out, and why. */
    public record Skip(String image, String reason) {
    }

    /** @param files what was written, besides images */
    public record Result(List<Path> files, int exported, List<Skip> skipped) {
    }

    private CurationExport() {}

    /** The POPE file of a split: {@code pope_<split>.jsonl}. */
    public static String popeFileName(String split) {
        return "pope_" + split + ".jsonl";
    }

    /** @param imageFolder the project's image folder */
    public static Result export(CurationProject project, Path imageFolder, Format format, Path out, Images images)
            throws IOException {
        if (format == Format.MMVP && images == Images.NONE) {
            throw new IllegalArgumentException("an MMVP export names its images by question index (1.png, 2.jpg, ...): "
                    + "choose copy or link");
        }
        Files.createDirectories(out);
        List<Skip> skipped = new ArrayList<>();
        Exporter exporter = new Exporter(imageFolder, out, images);
        List<CurationItem> accepted = new ArrayList<>();
        for (CurationItem item : project.items()) {
            if (item.state() == ItemState.ACCEPTED) {
                accepted.add(item);
            } else if (format != Format.CSV) {
                skipped.add(new Skip(item.image(), "not accepted (" + item.state().key() + ")"));
            }
        }
        if (format != Format.CSV && accepted.isEmpty()) {
            throw new IllegalArgumentException("no item is accepted yet (of " + project.items().size()
                    + "): only accepted items are exported as " + format.name().toLowerCase(Locale.ROOT));
        }
        return switch (format) {
            case ROBUSTVQA -> exporter.robustVqa(accepted, skipped);
            case POPE -> exporter.pope(accepted, skipped);
            case MMVP -> exporter.mmvp(accepted, skipped);
            case CSV -> exporter.csv(project.items());
        };
    }

    private record Exporter(Path imageFolder, Path out, Images images) {

        Result robustVqa(List<CurationItem> items, List<Skip> skipped) throws IOException {
            Map<String, List<RobustVqaRecord>> splits = new LinkedHashMap<>();
            int exported = 0;
            for (CurationItem item : items) {
                Optional<String> missing = missing(item, Field.GT_CAPTION, Field.ERROR_CAPTION);
                if (missing.isPresent()) {
                    skipped.add(new Skip(item.image(), missing.get()));
                    continue;
                }
                splits.computeIfAbsent(split(item), s -> new ArrayList<>()).add(new RobustVqaRecord(place(item),
                        item.get(Field.GT_CAPTION).strip(), item.get(Field.ERROR_CAPTION).strip()));
                exported++;
            }
            requireSome(exported, "RobustVQA", "a gt_caption and an error_caption");
            Path file = out.resolve(ROBUSTVQA_FILE);
            RobustVqaFiles.write(file, new RobustVqaDataset(splits));
            return new Result(List.of(file), exported, skipped);
        }

        Result pope(List<CurationItem> items, List<Skip> skipped) throws IOException {
            Map<String, List<PopeQuestion>> splits = new LinkedHashMap<>();
            int exported = 0;
            for (CurationItem item : items) {
                Optional<String> missing = missing(item, Field.QUESTION, Field.ANSWER);
                Optional<YesNo> label = AnswerCleaning.exactMatch(item.get(Field.ANSWER));
                if (missing.isEmpty() && label.isEmpty()) {
                    missing = Optional.of("the answer '" + item.get(Field.ANSWER) + "' is not yes or no");
                }
                if (missing.isPresent()) {
                    skipped.add(new Skip(item.image(), missing.get()));
                    continue;
                }
                List<PopeQuestion> split = splits.computeIfAbsent(split(item), s -> new ArrayList<>());
                split.add(new PopeQuestion(split.size() + 1, place(item), item.get(Field.QUESTION).strip(),
                        label.get().label()));
                exported++;
            }
            requireSome(exported, "POPE", "a question and a yes / no answer");
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, List<PopeQuestion>> split : splits.entrySet()) {
                Path file = out.resolve(popeFileName(split.getKey()));
                PopeFiles.writeQuestions(file, split.getValue());
                files.add(file);
            }
            return new Result(files, exported, skipped);
        }

        Result mmvp(List<CurationItem> items, List<Skip> skipped) throws IOException {
            Map<String, List<CurationItem>> pairs = new LinkedHashMap<>();
            for (CurationItem item : items) {
                Optional<String> missing = missing(item, Field.PAIR, Field.QUESTION, Field.OPTIONS, Field.ANSWER);
                if (missing.isPresent()) {
                    skipped.add(new Skip(item.image(), missing.get()));
                } else {
                    pairs.computeIfAbsent(item.get(Field.PAIR), p -> new ArrayList<>()).add(item);
                }
            }
            List<MmvpPair> written = new ArrayList<>();
            for (Map.Entry<String, List<CurationItem>> pair : pairs.entrySet()) {
                List<CurationItem> members = pair.getValue();
                if (members.size() != 2) {
                    String reason = "pair '" + pair.getKey() + "' has " + members.size()
                            + " accepted items; an MMVP pair has exactly two";
                    members.forEach(item -> skipped.add(new Skip(item.image(), reason)));
                    continue;
                }
                List<String> problems = new ArrayList<>();
                List<MmvpQuestion> questions = new ArrayList<>();
                for (CurationItem item : members) {
                    int index = 2 * written.size() + questions.size() + 1;
                    mmvpQuestion(item, index).ifPresentOrElse(questions::add,
                            () -> problems.add(item.image()));
                }
                if (!problems.isEmpty()) {
                    String reason = "pair '" + pair.getKey() + "': the answer of " + String.join(" and ", problems)
                            + " is neither option, (a) nor (b)";
                    members.forEach(item -> skipped.add(new Skip(item.image(), reason)));
                    continue;
                }
                for (int i = 0; i < 2; i++) {
                    placeAs(members.get(i), String.valueOf(questions.get(i).index()));
                }
                written.add(new MmvpPair(questions.get(0), questions.get(1), Optional.empty()));
            }
            requireSome(written.size(), "MMVP", "a pair name shared with one other item, a question, options "
                    + "'(a) … (b) …' and an answer naming one");
            Path file = out.resolve(MmvpFiles.QUESTIONS_FILE);
            MmvpFiles.writeQuestions(file, written);
            return new Result(List.of(file), 2 * written.size(), skipped);
        }

        private static Optional<MmvpQuestion> mmvpQuestion(CurationItem item, int index) {
            MmvpOptions options;
            try {
                options = MmvpOptions.parse(item.get(Field.OPTIONS));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            Optional<MmvpChoice> correct = options.choiceNamedBy(item.get(Field.ANSWER));
            return correct.map(choice -> new MmvpQuestion(index, item.get(Field.QUESTION).strip(), options, choice));
        }

        Result csv(List<CurationItem> items) throws IOException {
            List<String> header = new ArrayList<>(List.of("image", "state"));
            Field.textFields().forEach(field -> header.add(field.key()));
            header.addAll(List.of("contender_answers", "changes"));
            List<List<String>> rows = new ArrayList<>();
            for (CurationItem item : items) {
                List<String> row = new ArrayList<>(List.of(place(item), item.state().key()));
                Field.textFields().forEach(field -> row.add(item.get(field)));
                row.add(item.answers().stream().map(a -> a.contender() + "=" + (a.failed() ? "[" + a.error() + "]"
                        : a.answer() + (a.confidence() == null ? "" : String.format(Locale.ROOT, " (%.2f)",
                        a.confidence())))).collect(Collectors.joining("; ")));
                row.add(String.valueOf(item.history().size()));
                rows.add(row);
            }
            Path file = out.resolve(CSV_FILE);
            Csv.write(file, header, rows);
            return new Result(List.of(file), items.size(), List.of());
        }

        /** The item's image where the export's files name it, copied or linked first when asked. */
        private String place(CurationItem item) throws IOException {
            if (images != Images.NONE) {
                bring(imageFolder.resolve(item.image()), out.resolve(IMAGES).resolve(item.image()));
            }
            return item.image();
        }

        /** As {@link #place}, under another name ({@code <stem>.png} or {@code .jpg}), as MMVP names its images. */
        private void placeAs(CurationItem item, String stem) throws IOException {
            Path source = imageFolder.resolve(item.image());
            String extension = extension(source);
            if (extension.equals("jpg") || extension.equals("png")) {
                bring(source, out.resolve(IMAGES).resolve(stem + "." + extension));
            } else { // the benchmark readers find .jpg and .png only
                AtomicFiles.write(out.resolve(IMAGES).resolve(stem + ".png"), Png.encode(ImageFiles.read(source)));
            }
        }

        private void bring(Path source, Path target) throws IOException {
            if (!Files.isRegularFile(source)) {
                throw new IOException("image " + source + " is missing: the project's images must be in place to "
                        + "export with --images " + images.name().toLowerCase(Locale.ROOT));
            }
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            if (images == Images.LINK) {
                Files.createSymbolicLink(target, source.toAbsolutePath());
            } else {
                Files.copy(source, target);
            }
        }

        private static String extension(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return extension.equals("jpeg") ? "jpg" : extension;
        }

        private static String split(CurationItem item) {
            String split = item.get(Field.SPLIT);
            return split.isEmpty() ? DEFAULT_SPLIT : split;
        }

        private static Optional<String> missing(CurationItem item, Field... fields) {
            List<String> empty = new ArrayList<>();
            for (Field field : fields) {
                if (item.get(field).isBlank()) {
                    empty.add(field.key());
                }
            }
            return empty.isEmpty() ? Optional.empty() : Optional.of("no " + String.join(", no ", empty));
        }

        private static void requireSome(int exported, String benchmark, String needs) {
            if (exported == 0) {
                throw new IllegalArgumentException("no accepted item can be exported for " + benchmark
                        + ": each needs " + needs);
            }
        }
    }
}
