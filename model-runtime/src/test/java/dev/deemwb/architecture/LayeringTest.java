package dev.deemwb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** model-runtime is the toolkit-free core: the app depends on it, never the other way. */
@AnalyzeClasses(packages = "dev.deemwb", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule runtimeDoesNotUseJavaFx = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
            .because("model-runtime must run headless, in the CLI and in CI, without a toolkit");

    @ArchTest
    static final ArchRule runtimeDoesNotReachIntoTheApp = noClasses().should()
            .dependOnClassesThat().resideInAPackage("dev.deemwb.app..")
            .because("the dependency direction is app → model-runtime");

    @ArchTest
    static final ArchRule packagesFormNoCycles = SlicesRuleDefinition.slices().matching("dev.deemwb.(*)..")
            .should().beFreeOfCycles()
            .because("each layer (world, bench, model, train, bundle, infer, eval, cli) builds only on those below it");

    @ArchTest
    static final ArchRule worldIsFreeOfModelsAndBenchmarks = noClasses().that().resideInAPackage("dev.deemwb.world..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "dev.deemwb.bench..", "dev.deemwb.cli..")
            .because("the world is pure data generation that every other layer builds on");

    @ArchTest
    static final ArchRule modelsKnowNoBenchmark = noClasses().that().resideInAPackage("dev.deemwb.model..")
            .should().dependOnClassesThat().resideInAPackage("dev.deemwb.bench..")
            .because("the network and its vocabulary are the same whatever it is asked; which benchmark's words it "
                    + "learns is the training recipe's choice (train.Vocabulary)");

    @ArchTest
    static final ArchRule inferenceNeedsNoTraining = noClasses()
            .that().resideInAnyPackage("dev.deemwb.bundle..", "dev.deemwb.infer..")
            .should().dependOnClassesThat().resideInAPackage("dev.deemwb.train..")
            .because("loading a bundle and answering with it must not drag in the training code");

    @ArchTest
    static final ArchRule evaluationBuildsOnInference = noClasses()
            .that().resideInAnyPackage("dev.deemwb.world..", "dev.deemwb.bench..", "dev.deemwb.model..",
                    "dev.deemwb.bundle..", "dev.deemwb.infer..")
            .should().dependOnClassesThat().resideInAPackage("dev.deemwb.eval..")
            .because("evaluation (benchmark runs, category and reconstruction probes, reports) asks the models; "
                    + "answering never depends on how it is evaluated");

    @ArchTest
    static final ArchRule curationIsUserDataAboveTheModels = noClasses().that().resideInAPackage("dev.deemwb.curate..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.deemwb.train..", "dev.deemwb.eval..",
                    "dev.deemwb.serve..", "dev.deemwb.cli..", "ai.djl..")
            .because("a curation project is the annotators' data: it reads and writes benchmark files and keeps "
                    + "contenders' replies, and needs neither the engine nor how models are trained or evaluated");

    @ArchTest
    static final ArchRule nothingBelowKnowsCuration = noClasses().that().resideOutsideOfPackages("dev.deemwb.curate..",
                    "dev.deemwb.cli..", "dev.deemwb.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.deemwb.curate..")
            .because("curation builds on the benchmarks, never the other way");
}
