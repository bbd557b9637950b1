package dev.deemwb.cli;

import dev.deemwb.curate.CurationExport;
import dev.deemwb.curate.CurationItem;
import dev.deemwb.curate.CurationProject;
import dev.deemwb.curate.CurationSession;
import dev.deemwb.curate.Field;
import dev.deemwb.curate.ItemState;
import dev.deemwb.curate.ProjectFiles;
import dev.deemwb.curate.ProjectMerge;
import dev.deemwb.curate.ProjectSources;
import dev.deemwb.curate.ProjectWriter;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "curate", mixinStandardHelpOptions = true,
        description = "Curation projects: turn model failures into benchmark items (the app's Curate tab edits them).",
        subcommands = {CurateCommand.New.class, CurateCommand.Status.class, CurateCommand.Export.class,
            CurateCommand.Merge.class})
final class CurateCommand {

    /** Whose changes these are, by default: the account's name. */
    static String defaultAnnotator() {
        return System.getProperty("user.name", "annotator");
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Create a project from a folder of images (recursively) or from generated scenes.")
    static final class New implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file to create (<name>"
                + ProjectFiles.SUFFIX + ").")
        Path project;

        @ArgGroup(multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--images", paramLabel = "DIR", description = "Every image below this folder.")
            Path images;

            @Option(names = "--generated", paramLabel = "N",
                    description = "N fresh scenes of the shapes world, with a question and its answer each, "
                            + "rendered next to the project.")
            Integer generated;
        }

        @Option(names = "--seed", defaultValue = "7000", description = "Seed of generated scenes (default: "
                + "${DEFAULT-VALUE}; the bundles train and evaluate below 2 000).")
        long seed;

        @Option(names = "--size", defaultValue = "256", description = "Side of generated images in pixels "
                + "(default: ${DEFAULT-VALUE}).")
        int size;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(project)) {
                throw new FileAlreadyExistsException(project.toString(), null, "a project file is already there");
            }
            Path folder;
            List<CurationItem> items;
            if (source.images != null) {
                folder = source.images;
                items = ProjectSources.folder(folder);
            } else {
                String stem = project.getFileName().toString().replace(ProjectFiles.SUFFIX, "");
                folder = project.toAbsolutePath().getParent().resolve(stem + "-images");
                if (Files.exists(folder)) {
                    throw new ParameterException(spec.commandLine(), folder + " exists: generated images go to a new "
                            + "folder");
                }
                items = ProjectSources.generated(folder, source.generated, seed, size);
            }
            CurationProject created = CurationProject.create(ProjectFiles.imageFolderAsSeenFrom(project, folder), items);
            try (CurationSession session = CurationSession.create(project, created, defaultAnnotator(),
                    ProjectWriter.synchronous(project), Clock.systemUTC())) {
                spec.commandLine().getOut().printf(Locale.ROOT, "created %s: %d items, images in %s%n", project,
                        items.size(), session.imageFolder());
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "How many items are in each state, category and tag.")
    static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Override
        public Integer call() throws Exception {
            CurationProject read = ProjectFiles.read(project);
            Map<ItemState, Integer> states = new EnumMap<>(ItemState.class);
            Map<String, Integer> categories = new TreeMap<>();
            Map<String, Integer> tags = new TreeMap<>();
            for (CurationItem item : read.items()) {
                states.merge(item.state(), 1, Integer::sum);
                String category = item.get(Field.CATEGORY);
                categories.merge(category.isEmpty() ? "(none)" : category, 1, Integer::sum);
                item.tags().forEach(tag -> tags.merge(tag, 1, Integer::sum));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: %d items%n", project, read.items().size());
            for (ItemState state : ItemState.values()) {
                out.printf(Locale.ROOT, "  %-9s %d%n", state.key(), states.getOrDefault(state, 0));
            }
            out.println("categories: " + categories);
            out.println("tags: " + (tags.isEmpty() ? "(none)" : tags));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the accepted items in a benchmark's format (the CSV: every item), for the probes "
                    + "runner (`probe`, the app's Probes tab) to read and score.",
                "robustvqa: robustvqa.json, {split: [{file_name, gt_caption, error_caption}]}; pope: "
                        + "pope_<split>.jsonl, {question_id, image, text, label}; mmvp: Questions.csv, pairs by the "
                        + "items' pair names; csv: items.csv."})
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--format", required = true, paramLabel = "FORMAT",
                description = "robustvqa, pope, mmvp or csv.")
        String format;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The export folder.")
        Path out;

        @Option(names = "--images", defaultValue = "copy", paramLabel = "HOW",
                description = "copy or link the images into <out>/images, or none (paths stay relative to the "
                        + "project's image folder; not for mmvp) (default: ${DEFAULT-VALUE}).")
        String images;

        @Override
        public Integer call() throws Exception {
            CurationExport.Format chosenFormat = parse(() -> CurationExport.Format.fromKey(format), "--format",
                    "robustvqa, pope, mmvp or csv", format);
            CurationExport.Images chosenImages = parse(() -> CurationExport.Images.fromKey(images), "--images",
                    "copy, link or none", images);
            CurationProject read = ProjectFiles.read(project);
            Path imageFolder = project.toAbsolutePath().getParent().resolve(read.images());
            CurationExport.Result result = CurationExport.export(read, imageFolder, chosenFormat, out, chosenImages);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "exported %d items to %s%n", result.exported(), result.files());
            if (!result.skipped().isEmpty()) {
                stdout.printf(Locale.ROOT, "skipped %d:%n", result.skipped().size());
                result.skipped().forEach(skip -> stdout.printf(Locale.ROOT, "  %s: %s%n", skip.image(), skip.reason()));
            }
            return 0;
        }

        private <T> T parse(Callable<T> parser, String option, String choices, String value) throws Exception {
            try {
                return parser.call();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), option + " takes " + choices + ", not '" + value + "'");
            }
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge several annotators' projects over the same images; conflicting fields are listed "
                    + "(the latest edit is kept) and their items tagged '" + ProjectMerge.CONFLICT_TAG + "'.")
    static final class Merge implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "2..*", paramLabel = "PROJECT", description = "Two or more project files.")
        List<Path> projects;

        @Option(names = "--out", required = true, paramLabel = "PROJECT", description = "The merged project file "
                + "(new).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(out)) {
                throw new FileAlreadyExistsException(out.toString(), null, "exists: the merge writes a new project");
            }
            List<ProjectMerge.Source> sources = new ArrayList<>();
            for (Path file : projects) {
                CurationProject read = ProjectFiles.read(file);
                sources.add(new ProjectMerge.Source(file.getFileName().toString(), read));
            }
            Path images = projects.get(0).toAbsolutePath().getParent().resolve(sources.get(0).project().images());
            ProjectMerge.Result merged = ProjectMerge.merge(sources, ProjectFiles.imageFolderAsSeenFrom(out, images));
            ProjectFiles.write(out, merged.project());
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "merged %d projects into %s: %d items, %d conflicts%n", projects.size(), out,
                    merged.project().items().size(), merged.conflicts().size());
            for (ProjectMerge.Conflict conflict : merged.conflicts()) {
                stdout.printf(Locale.ROOT, "  %s %s: %s; kept '%s'%n", conflict.image(), conflict.field().key(),
                        conflict.values(), conflict.kept());
            }
            return 0;
        }
    }
}
