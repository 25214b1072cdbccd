package keras4j.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.apache.ivy.Ivy;
import org.apache.ivy.core.module.descriptor.DefaultModuleDescriptor;
import org.apache.ivy.core.module.id.ModuleRevisionId;
import org.apache.ivy.core.report.ArtifactDownloadReport;
import org.apache.ivy.core.report.ResolveReport;
import org.apache.ivy.core.resolve.ResolveOptions;
import org.apache.ivy.core.settings.IvySettings;
import org.apache.ivy.plugins.resolver.ChainResolver;
import org.apache.ivy.plugins.resolver.IBiblioResolver;
import org.apache.ivy.util.DefaultMessageLogger;
import org.apache.ivy.util.Message;
import org.junit.jupiter.api.Test;

/**
 * IJava 1.3.0's {@code %maven io.github.keras4j:keras4j:VERSION}, reproduced: Apache Ivy 2.5.0-rc1 configured as
 * IJava's {@code MavenResolver} configures it (a chain of Maven Central then the local Maven repository, both
 * m2-compatible with poms and maven-metadata; confs {@code master, runtime}; transitive), resolving keras4j's pom
 * as it is installed, and keeping only the artifacts of Ivy type {@code jar}, as IJava does. Every runtime
 * dependency Maven lists for keras4j ({@code target/runtime-dependencies.txt}, written by the dependency plugin)
 * must arrive: Guava once did not (its pom declares packaging {@code bundle}, which Ivy turns into type
 * {@code bundle}), and the notebooks' Tablesaw calls failed in IJava only.
 *
 * <p>The local repository is a temporary one holding keras4j's {@code pom.xml} and a jar; the dependencies come
 * from Maven Central as in IJava (the Ivy cache lives under {@code target/ivy-cache}).
 */
class IJavaResolutionTest {

    @Test
    void everyRuntimeDependencyArrivesThroughIJavasMavenResolver() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        String version = projectVersion(project.resolve("pom.xml"));
        Path local = Files.createTempDirectory("ijava-m2");
        Path dir = Files.createDirectories(local.resolve("io/github/keras4j/keras4j/" + version));
        Files.copy(project.resolve("pom.xml"), dir.resolve("keras4j-" + version + ".pom"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("keras4j-" + version + ".jar"));
             JarOutputStream jar = new JarOutputStream(out)) {
            jar.finish();
        }

        DefaultMessageLogger logger = new DefaultMessageLogger(Message.MSG_ERR);
        Message.setDefaultLogger(logger);
        Ivy ivy = new Ivy();
        ivy.getLoggerEngine().setDefaultLogger(logger);
        IvySettings settings = new IvySettings();
        settings.setDefaultCache(project.resolve("target/ivy-cache").toFile());
        ivy.setSettings(settings);
        ivy.bind();
        ChainResolver chain = new ChainResolver();
        chain.setName("default");
        chain.add(maven("maven-central", "https://repo.maven.apache.org/maven2/"));
        chain.add(maven("maven-local", local.toUri().toString()));
        settings.addResolver(chain);
        chain.setCheckmodified(true);
        settings.setDefaultResolver(chain.getName());

        ResolveOptions options = new ResolveOptions();
        options.setTransitive(true);
        options.setDownload(true);
        DefaultModuleDescriptor caller = DefaultModuleDescriptor.newCallerInstance(
                ModuleRevisionId.newInstance("io.github.keras4j", "keras4j", version), new String[] {"master", "runtime"}, true, false);
        ResolveReport report = ivy.resolve(caller, options);
        assertTrue(!report.hasError(), () -> "Ivy could not resolve keras4j: " + report.getAllProblemMessages());

        Set<String> jars = Arrays.stream(report.getAllArtifactsReports())
                .filter(a -> "jar".equalsIgnoreCase(a.getType()))
                .map(a -> a.getArtifact().getModuleRevisionId())
                .map(m -> m.getOrganisation() + ":" + m.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(RuntimeDependencies.read().coordinates());
        expected.add("io.github.keras4j:keras4j");
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(jars);
        assertEquals(Set.of(), missing, "runtime dependencies IJava's %maven would leave off the class path");
    }

    private static IBiblioResolver maven(String name, String root) {
        IBiblioResolver resolver = new IBiblioResolver();
        resolver.setM2compatible(true);
        resolver.setUseMavenMetadata(true);
        resolver.setUsepoms(true);
        resolver.setRoot(root);
        resolver.setName(name);
        return resolver;
    }

    private static String projectVersion(Path pom) throws IOException {
        String xml = Files.readString(pom);
        int artifact = xml.indexOf("<artifactId>keras4j</artifactId>");
        int start = xml.indexOf("<version>", artifact) + "<version>".length();
        return xml.substring(start, xml.indexOf("</version>", start)).trim();
    }
}
