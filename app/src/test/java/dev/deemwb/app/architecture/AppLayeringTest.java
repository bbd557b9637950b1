package dev.deemwb.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.awt.image.BufferedImage;

/** The app's inner directions: view-models hold state, views draw it, one adapter bridges the image types. */
@AnalyzeClasses(packages = "dev.deemwb.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppLayeringTest {

    @ArchTest
    static final ArchRule viewModelsUseNoScene = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view-models hold properties and logic and are tested without a toolkit; views build the scene");

    @ArchTest
    static final ArchRule onlyTheImageAdapterConvertsImages = noClasses()
            .that().resideOutsideOfPackage("dev.deemwb.app.images..")
            .should().dependOnClassesThat().resideInAPackage("javafx.embed.swing..")
            .because("every conversion between the models' pictures and JavaFX images goes through FxImages");

    @ArchTest
    static final ArchRule awtOnlyInTheImageAdapterAndTheCharts = noClasses()
            .that().resideOutsideOfPackages("dev.deemwb.app.images..", "dev.deemwb.app.probes.charts..")
            .should().dependOnClassesThat(resideInAPackage("java.awt..").and(not(belongToAnyOf(BufferedImage.class))))
            .because("the app draws with JavaFX; AWT is JFreeChart's toolkit and the models' picture type "
                    + "(BufferedImage, plain data) only");
}
